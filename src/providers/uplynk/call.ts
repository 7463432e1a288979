import type { z } from 'zod';
import { ProviderError, type ProviderErrorKind } from '../../errors/domain.js';
import { createHttp, type ClientOptions, type ErrorClassifier } from '../http/index.js';
import { signMessage, type UplynkParams } from './sign.js';
import type { UplynkEnvelope } from './wire.js';

export interface UplynkCredentials {
  ownerId: string;
  apiKey: string;
  baseUrl: string;
}

export interface CallSpec<T extends UplynkEnvelope> {
  /** The asset action: get, list, changes, getframe, getthumbs, update, delete. */
  action: string;
  params: UplynkParams;
  schema: z.ZodType<T>;
  /** Keys whose presence makes a reply without `error` a success (getframe/getthumbs omit it). */
  expect: readonly (keyof T & string)[];
  /** The call names one asset, so an unknown-asset error is NOT_FOUND rather than REJECTED. */
  singleAsset?: boolean;
  /**
   * Safe to resend after a failure (default true: every read). Writes pass false: a lost reply to an
   * update or delete may still have been applied, and a new player URL must not be made twice.
   */
  idempotent?: boolean;
}

export type UplynkCall = <T extends UplynkEnvelope>(spec: CallSpec<T>) => Promise<T>;

/**
 * A signed v2 call: always POST with a form body (GET would put 1000 ids or a poster image in the URL).
 * Reads are idempotent so the shared layer retries them; writes say otherwise and are sent once. A
 * fresh `_timestamp` per call; the retries of one call resend the same message, well inside the
 * server's replay window.
 */
export function createUplynkCaller(config: UplynkCredentials, options: ClientOptions) {
  // No rate limits or Retry-After are documented (providers.md §2.3): a 429 waits the shared default.
  const http = createHttp({ provider: 'UPLYNK', baseUrl: config.baseUrl, headers: {}, classify: classifyUplynkError }, options);
  const call: UplynkCall = async (spec) => {
    const endpoint = `POST /api2/asset/${spec.action}`;
    const { msg, sig } = signMessage(spec.params, config);
    return http.request({
      method: 'POST',
      path: `/api2/asset/${spec.action}`,
      endpoint,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ msg, sig }).toString(),
      schema: spec.schema,
      idempotent: spec.idempotent ?? true,
      check: (reply) => envelopeFailure(endpoint, reply, spec.expect, spec.singleAsset ?? false),
    });
  };
  return { call, close: () => http.close() };
}

// Uplynk answers auth failures with the same `{error: 1, msg}` as any other [I: wording unverified],
// so the message is the only way to tell a bad key, owner or clock from a bad parameter.
const AUTH_MESSAGE = /signature|\bsig\b|owner|timestamp|auth|credential|api key/i;
const NOT_FOUND_MESSAGE = /not found|no such|does not exist|unknown (asset|id|external)|invalid (asset )?id/i;

/** The ProviderError a 2xx reply stands for, or null when it is a success. */
export function envelopeFailure(
  endpoint: string,
  reply: UplynkEnvelope & Record<string, unknown>,
  expect: readonly string[],
  singleAsset: boolean,
): ProviderError | null {
  if (reply.error === 0) return null;
  if (reply.error === undefined) {
    if (expect.some((key) => reply[key] !== undefined)) return null;
    const detail = `reply has neither "error" nor "${expect.join('"/"')}"`;
    return new ProviderError('BAD_RESPONSE', 'UPLYNK', endpoint, detail, { status: 200 });
  }
  const detail = reply.msg ?? `error ${reply.error}`;
  return new ProviderError(envelopeKind(detail, singleAsset), 'UPLYNK', endpoint, detail, { status: 200 });
}

export function envelopeKind(message: string, singleAsset: boolean): ProviderErrorKind {
  if (AUTH_MESSAGE.test(message)) return 'UNAUTHORIZED';
  if (singleAsset && NOT_FOUND_MESSAGE.test(message)) return 'NOT_FOUND';
  return 'REJECTED';
}

/**
 * Non-2xx replies are transport failures (Uplynk itself answers 200 even on errors): the kind follows
 * the status; the detail is the envelope's `msg` when a proxy or the sandbox sent one.
 */
export const classifyUplynkError: ErrorClassifier = (status, body) => {
  if (typeof body === 'object' && body !== null) {
    const msg = (body as { msg?: unknown }).msg;
    if (typeof msg === 'string' && msg) return { detail: msg };
  }
  if (typeof body === 'string' && body.trim()) return { detail: body.trim().slice(0, 200) };
  return { detail: `HTTP ${status}` };
};
