import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';

/** Parameters inside `msg`: what the JSON of a request can hold. */
export type UplynkParams = Record<string, unknown>;

export interface SignOptions {
  /** The account GUID (`_owner`). */
  ownerId: string;
  /** The integration API key, used as a UTF-8 string (never base64-decoded). */
  apiKey: string;
  /** Unix time in whole seconds for `_timestamp`; defaults to now. */
  nowSeconds?: number;
}

export interface SignedMessage {
  msg: string;
  sig: string;
}

/**
 * Uplynk's `uplynk_api2_auth.Call` algorithm: JSON of the params plus `_owner` and `_timestamp`,
 * zlib-wrapped deflate at level 9, standard base64, and a lowercase hex HMAC-SHA256 of that base64
 * text keyed with the API key string.
 */
export function signMessage(params: UplynkParams, options: SignOptions): SignedMessage {
  const timestamp = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const json = pythonJson({ ...params, _owner: options.ownerId, _timestamp: Math.floor(timestamp) });
  const msg = deflateSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64');
  return { msg, sig: hmacHex(options.apiKey, msg) };
}

/**
 * JSON exactly as the reference client's `json.dumps(obj, separators=(',', ':'))` writes it: Python's
 * default ensure_ascii escapes everything outside printable ASCII as \uXXXX (lowercase hex), which
 * JSON.stringify leaves raw. Byte-identical output keeps our messages indistinguishable from the
 * official client's.
 */
export function pythonJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function hmacHex(apiKey: string, msg: string): string {
  return createHmac('sha256', apiKey).update(msg, 'utf8').digest('hex');
}

export type VerifyResult =
  | { ok: true; params: UplynkParams }
  | { ok: false; reason: 'bad-signature' | 'bad-message' };

// Deflate bombs: a signed request never needs more than this once inflated.
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
// Python 2's base64 inserts newlines every 76 characters; both styles reach the server.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The server side of signMessage (used by the sandbox): the HMAC is checked first, over the exact text
 * received, with a timing-safe compare; only then is the message decoded, inflated and parsed.
 */
export function verifyMessage(msg: string, sig: string, apiKey: string): VerifyResult {
  const expected = Buffer.from(hmacHex(apiKey, msg), 'utf8');
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
    return { ok: true, params: params as UplynkParams };
  } catch {
    return { ok: false, reason: 'bad-message' };
  }
}
