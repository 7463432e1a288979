import { createHmac, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';

export type VerifyResult = { ok: true; params: Record<string, unknown> } | { ok: false; reason: 'bad-signature' | 'bad-message' };

// Deflate bombs: a signed request never needs more than this once inflated.
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
// Python 2's base64 inserts newlines every 76 characters; both styles reach the server.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Uplynk's side of a signed call, written from the contract (providers.md §2.1), not from the client it
 * checks: `sig` is the lowercase hex HMAC-SHA256 of `msg` under the integration key, and `msg` is the
 * base64 of the zlib-deflated JSON parameters. The HMAC is checked first, over the exact text received,
 * with a timing-safe compare; only then is the message decoded, inflated and parsed.
 */
export function verifyMessage(msg: string, sig: string, apiKey: string): VerifyResult {
  const expected = Buffer.from(createHmac('sha256', apiKey).update(msg, 'utf8').digest('hex'), 'utf8');
  const given = Buffer.from(sig, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  const compact = msg.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) {
    return { ok: false, reason: 'bad-message' };
  }
  try {
    const json = inflateSync(Buffer.from(compact, 'base64'), { maxOutputLength: MAX_INFLATED_BYTES });
    const params: unknown = JSON.parse(json.toString('utf8'));
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      return { ok: false, reason: 'bad-message' };
    }
    return { ok: true, params: params as Record<string, unknown> };
  } catch {
    return { ok: false, reason: 'bad-message' };
  }
}
