import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hmacHex, pythonJson, signMessage } from '../../../src/providers/uplynk/sign.js';
import { verifyMessage } from '../../../sandbox/uplynk/signature.js';

/*
 * Reference vector computed by hand with Python 3.11 (zlib 1.2.13), outside our code:
 *
 *   obj = {"ids": ["5915d84829405cb4db1bc3f71c10fc83", "1ca770087e7a46a7aec4f8aebc198aff"],
 *          "desc": "Caf\u00e9 \u2013 t\u00eate", "limit": 3,
 *          "_owner": "4f2c6a8e1b3d4f5a9c7e0b2d4f6a8c1e", "_timestamp": 1700000000}
 *   s   = json.dumps(obj, separators=(',', ':'))
 *   msg = base64.b64encode(zlib.compress(s.encode('ascii'), 9)).decode('ascii')
 *   sig = hmac.new(b"uplynk-sandbox-api-key-2b7d9f", msg.encode('ascii'), hashlib.sha256).hexdigest()
 *
 * Deflate output is not canonical (Node bundles a different zlib build than Python), so our `msg`
 * bytes legitimately differ from Python's; what must match is the JSON inside it, and the HMAC over
 * a given msg string.
 */
const OWNER = '4f2c6a8e1b3d4f5a9c7e0b2d4f6a8c1e';
const KEY = 'uplynk-sandbox-api-key-2b7d9f';
const PARAMS = {
  ids: ['5915d84829405cb4db1bc3f71c10fc83', '1ca770087e7a46a7aec4f8aebc198aff'],
  desc: 'Café – tête',
  limit: 3,
};
const PY_JSON =
  '{"ids":["5915d84829405cb4db1bc3f71c10fc83","1ca770087e7a46a7aec4f8aebc198aff"],"desc":"Caf\\u00e9 \\u2013 t\\u00eate","limit":3,"_owner":"4f2c6a8e1b3d4f5a9c7e0b2d4f6a8c1e","_timestamp":1700000000}';
const PY_MSG =
  'eNolTrsOwjAQ+xV0c4dckjaPlc+gqLpcLlIkCoimYkD8OwE82ZZt+QU1bxBPMAYcs7deB6tGTjYnTGyKQ0ZV2BsYAJmcU8o7cWQnciRsiydJjMFTKXAeIMvGEOFIZd6VknCYd63QHNpPUpO+c6lrbRDNAMvteZVHz9uieSIvmEy2ZaTATlTSnXeX8dtaWl1la7TeIWK/8cf7A7bcN3A=';
const PY_SIG = 'a885af742374ff8d79d251d164f5d3091a6cb9cc2a364494fa0b177daa57b5a9';

describe('signMessage', () => {
  const signed = signMessage(PARAMS, { ownerId: OWNER, apiKey: KEY, nowSeconds: 1_700_000_000 });

  it('signs JSON byte-identical to the Python reference client', () => {
    expect(inflateSync(Buffer.from(signed.msg, 'base64')).toString('latin1')).toBe(PY_JSON);
    expect(pythonJson({ ...PARAMS, _owner: OWNER, _timestamp: 1_700_000_000 })).toBe(PY_JSON);
  });

  it('is zlib-wrapped (RFC 1950, level 9 header), standard base64 without line breaks', () => {
    const raw = Buffer.from(signed.msg, 'base64');
    expect([raw[0], raw[1]]).toEqual([0x78, 0xda]);
    expect(signed.msg).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });

  it('signs the base64 text with a lowercase hex HMAC-SHA256 keyed by the API key string', () => {
    expect(hmacHex(KEY, PY_MSG)).toBe(PY_SIG);
    expect(signed.sig).toBe(hmacHex(KEY, signed.msg));
    expect(signed.sig).toMatch(/^[0-9a-f]{64}$/);
  });

  it('uses whole seconds for _timestamp and the current time by default', () => {
    const fractional = signMessage({}, { ownerId: OWNER, apiKey: KEY, nowSeconds: 1_700_000_000.9 });
    expect(inflateSync(Buffer.from(fractional.msg, 'base64')).toString()).toBe(`{"_owner":"${OWNER}","_timestamp":1700000000}`);
    const now = signMessage({}, { ownerId: OWNER, apiKey: KEY });
    const { _timestamp } = JSON.parse(inflateSync(Buffer.from(now.msg, 'base64')).toString()) as { _timestamp: number };
    expect(Math.abs(_timestamp - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe('verifyMessage', () => {
  it("accepts the Python client's message and returns its parameters", () => {
    expect(verifyMessage(PY_MSG, PY_SIG, KEY)).toEqual({
      ok: true,
      params: { ...PARAMS, _owner: OWNER, _timestamp: 1_700_000_000 },
    });
  });

  it('round-trips our own messages', () => {
    const { msg, sig } = signMessage({ id: 'abc' }, { ownerId: OWNER, apiKey: KEY, nowSeconds: 1 });
    expect(verifyMessage(msg, sig, KEY)).toEqual({ ok: true, params: { id: 'abc', _owner: OWNER, _timestamp: 1 } });
  });

  it('rejects a wrong key, a tampered signature and a tampered message', () => {
    expect(verifyMessage(PY_MSG, PY_SIG, 'another-key')).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyMessage(PY_MSG, PY_SIG.toUpperCase(), KEY)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyMessage(PY_MSG, PY_SIG.slice(0, -1), KEY)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyMessage(`A${PY_MSG.slice(1)}`, PY_SIG, KEY)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects correctly signed text that is not a zlib JSON object', () => {
    for (const msg of ['not base64!', Buffer.from('plain text').toString('base64'), '']) {
      expect(verifyMessage(msg, hmacHex(KEY, msg), KEY)).toEqual({ ok: false, reason: 'bad-message' });
    }
  });

  it('accepts Python 2 style base64 with a line break every 76 characters', () => {
    const wrapped = PY_MSG.replace(/(.{76})/g, '$1\n');
    expect(wrapped).toContain('\n');
    expect(verifyMessage(wrapped, hmacHex(KEY, wrapped), KEY).ok).toBe(true);
  });
});
