import { createHmac } from 'node:crypto';
import { deflateSync } from 'node:zlib';

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
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function hmacHex(apiKey: string, msg: string): string {
  return createHmac('sha256', apiKey).update(msg, 'utf8').digest('hex');
}
