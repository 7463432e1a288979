import { verifyMessage } from './signature.js';
import { SANDBOX_CREDENTIALS } from '../credentials.js';
import type { SandboxRequest } from '../server.js';
import { Rejection, type Params } from './params.js';

/**
 * How far `_timestamp` may stray from the server clock. Uplynk documents no window [I]; five minutes is
 * the usual replay window of signed-request APIs and tolerates ordinary clock drift.
 */
export const TIMESTAMP_TOLERANCE_S = 300;

const { ownerId, apiKey } = SANDBOX_CREDENTIALS.UPLYNK;

/** msg and sig from the query string (GET) or, for POST, the form body (the query as a fallback). */
function readSigned(req: SandboxRequest): { msg: string | null; sig: string | null } {
  let msg = req.query.get('msg');
  let sig = req.query.get('sig');
  const type = String(req.headers['content-type'] ?? '');
  if (req.method === 'POST' && type.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(req.body.toString('utf8'));
    msg = form.get('msg') ?? msg;
    sig = form.get('sig') ?? sig;
  }
  return { msg, sig };
}

/** The verified request parameters, or a Rejection worded as an auth failure. */
export function authenticate(req: SandboxRequest, nowMs: number): Params {
  const { msg, sig } = readSigned(req);
  if (!msg || !sig) throw new Rejection('Missing msg or sig parameter');
  const verified = verifyMessage(msg, sig, apiKey);
  if (!verified.ok) {
    throw new Rejection(verified.reason === 'bad-signature' ? 'Invalid signature' : 'Unable to decode msg');
  }
  const params = verified.params;
  if (params._owner !== ownerId) throw new Rejection('Unknown owner');
  const timestamp = params._timestamp;
  if (typeof timestamp !== 'number' || !Number.isInteger(timestamp)) {
    throw new Rejection('Missing or invalid _timestamp');
  }
  if (Math.abs(nowMs / 1000 - timestamp) > TIMESTAMP_TOLERANCE_S) {
    throw new Rejection('Message timestamp is too far from the current time');
  }
  return params;
}
