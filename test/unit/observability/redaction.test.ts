import { describe, expect, it } from 'vitest';
import { addSecrets, createLogger, createRedactor, REDACTED } from '../../../src/observability/logger.js';
import { providerSecrets } from '../../../src/providers/index.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { sandboxSecrets } from '../../../sandbox/index.js';
import { signMessage } from '../../../src/providers/uplynk/sign.js';
import { captureLines } from '../../helpers/capture.js';

const API_TOKEN = 'assetfed-token-Zq81x';
const SECRETS = [...(await sandboxSecrets()), API_TOKEN];
const { msg, sig } = signMessage(
  { id: 'a'.repeat(32), description: 'some asset' },
  { ownerId: SANDBOX_CREDENTIALS.UPLYNK.ownerId, apiKey: SANDBOX_CREDENTIALS.UPLYNK.apiKey, nowSeconds: 1_700_000_000 },
);
const AMZ_SIGNATURE = '7f3c9ab1e55d0c4e2b8a6f19d3e7c2a04b6e8f1d2c3b4a5968778695a4b3c2d1';
const AMZ_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD';
const CLOUDFRONT_SIGNATURE = 'Hk3~sd8Jx-V0yQ__mZ2pLw';
const UNKNOWN_BEARER = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const REDIS_PASSWORD = 'r3dis-Passw0rd';
const PRESIGNED =
  `https://bucket.s3.amazonaws.com/uploads/video.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256` +
  `&X-Amz-Credential=AKIAEXAMPLE%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240101T000000Z` +
  `&X-Amz-Expires=900&X-Amz-Security-Token=${encodeURIComponent(AMZ_TOKEN)}&X-Amz-SignedHeaders=host&X-Amz-Signature=${AMZ_SIGNATURE}`;

/** Every value that must never appear in a log line. */
const FORBIDDEN = [
  ...SECRETS,
  ...SECRETS.map(encodeURIComponent),
  msg,
  encodeURIComponent(msg),
  sig,
  AMZ_SIGNATURE,
  AMZ_TOKEN,
  encodeURIComponent(AMZ_TOKEN),
  'AKIAEXAMPLE',
  CLOUDFRONT_SIGNATURE,
  UNKNOWN_BEARER,
  REDIS_PASSWORD,
];

function expectClean(text: string) {
  for (const value of FORBIDDEN) expect(text, `leaked ${value}`).not.toContain(value);
}

function logger() {
  const out = captureLines();
  return { out, log: createLogger('trace', out, { secrets: SECRETS }) };
}

describe('log redaction', () => {
  it('blanks secret keys at any depth and keeps the rest of the line', () => {
    const { out, log } = logger();
    const [vj, uplynk, tl, runway] = SECRETS;
    log.info({ apiKey: vj, token: API_TOKEN, endpoint: 'GET /assets/{id}' }, 'top level');
    log.info({ provider: { apiKey: uplynk, config: { client: { headers: { 'x-api-key': tl, Authorization: `Bearer ${runway}` } } } } }, 'deep');
    log.info({ request: { body: { msg, sig }, msg_signed: msg } }, 'uplynk body');
    log.info({ list: [{ password: REDIS_PASSWORD }, { X_Amz_Signature: AMZ_SIGNATURE }] }, 'arrays');
    expectClean(out.text());
    const records = out.records();
    expect(records[0]).toMatchObject({ apiKey: REDACTED, token: REDACTED, endpoint: 'GET /assets/{id}', msg: 'top level' });
    expect(records[2]).toMatchObject({ request: { body: { msg: REDACTED, sig: REDACTED } }, msg: 'uplynk body' });
  });

  it('scrubs every configured secret from messages, values, keys, bindings and errors', () => {
    const { out, log } = logger();
    for (const secret of SECRETS) {
      log.warn(`provider answered for key ${secret}: nope`);
      log.info({ note: `sent ${secret}`, [secret]: 1, nested: { a: { b: { c: { d: [`x${secret}y`] } } } } }, 'values');
      log.child({ caller: secret }).info('binding');
      const error = new Error(`request with ${secret} failed`, { cause: new Error(`inner ${secret}`) });
      log.error({ err: error }, 'as err');
      log.error(error);
      log.info({ url: `https://api.example.com/v1/assets?key=${encodeURIComponent(secret)}&page=2` }, 'encoded');
    }
    expectClean(out.text());
    expect(out.text()).toContain('page=2');
    for (const line of out.lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('scrubs Uplynk msg and sig wherever they are written', () => {
    const { out, log } = logger();
    const form = `msg=${encodeURIComponent(msg)}&sig=${sig}`;
    log.info({ body: form }, 'form body');
    log.info({ url: `https://services.uplynk.com/api2/asset/get?${form}` }, 'signed url');
    log.info(`posting ${form}`);
    log.info({ text: JSON.stringify({ msg, sig }) }, 'json text');
    log.info(`message alone: ${msg}`);
    expectClean(out.text());
    expect(out.text()).toContain('https://services.uplynk.com/api2/asset/get?msg=');
  });

  it('scrubs presigned URL signatures, bearer tokens and URL passwords', () => {
    const { out, log } = logger();
    log.info({ uploadUrl: PRESIGNED }, 'presigned');
    log.info(`PUT ${PRESIGNED} failed`);
    log.info({ url: `https://d111111abcdef8.cloudfront.net/v.mp4?Expires=1700000000&Signature=${CLOUDFRONT_SIGNATURE}&Key-Pair-Id=K2J` }, 'cf');
    log.info({ url: `https://cdn.example.com/v.m3u8?sig=${AMZ_SIGNATURE}&exp=1` }, 'sig param');
    log.info(`Authorization: Bearer ${UNKNOWN_BEARER}`);
    log.info({ header: `bearer ${UNKNOWN_BEARER}` }, 'lowercase');
    log.warn({ err: new Error(`connect to redis://:${REDIS_PASSWORD}@cache:6379 failed`) }, 'redis');
    log.info({ text: `{"apiKey":"${REDIS_PASSWORD}"}` }, 'json in a string');
    expectClean(out.text());
    expect(out.text()).toContain('X-Amz-Expires=900');
    expect(out.text()).toContain('redis://:[redacted]@cache:6379');
  });

  it('applies secrets added after creation to the logger and its children', () => {
    const out = captureLines();
    const log = createLogger('info', out);
    const child = log.child({ component: 'x' });
    child.info(`before ${API_TOKEN}`);
    expect(addSecrets(child, [API_TOKEN])).toBe(true);
    child.info(`after ${API_TOKEN}`);
    log.info(`root ${API_TOKEN}`);
    expect(out.lines[0]).toContain(API_TOKEN);
    expect(out.lines.slice(1).join('')).not.toContain(API_TOKEN);
  });

  it('writes ISO 8601 times', () => {
    const { out, log } = logger();
    log.info('timed');
    expect(out.records()[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('keeps every secret out of LOG_FORMAT=pretty lines, which are text with ISO times', () => {
    const out = captureLines();
    const log = createLogger('trace', out, { secrets: SECRETS, format: 'pretty' });
    for (const secret of SECRETS) {
      log.warn(`provider answered for key ${secret}: nope`);
      log.info({ note: `sent ${secret}`, [secret]: 1, headers: { authorization: `Bearer ${secret}` } }, 'values');
      log.child({ caller: secret }).info('binding');
      log.error({ err: new Error(`request with ${secret} failed`, { cause: new Error(`inner ${secret}`) }) }, 'as err');
    }
    log.info({ body: `msg=${encodeURIComponent(msg)}&sig=${sig}`, uploadUrl: PRESIGNED }, 'signed');
    log.info(`Authorization: Bearer ${UNKNOWN_BEARER} via redis://:${REDIS_PASSWORD}@cache:6379`);
    expectClean(out.text());
    const first = out.lines[0]!;
    expect(first).toMatch(/^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] WARN: provider answered for key \[redacted\]: nope/);
    expect(() => JSON.parse(first)).toThrow();
    expect(out.text()).toContain('X-Amz-Expires=900');
  });

  it('accepts the options without a destination and leaves clean lines untouched', () => {
    expect(createLogger('silent', { secrets: SECRETS }).level).toBe('silent');
    const redactor = createRedactor(SECRETS);
    const line = '{"level":30,"msg":"plain","a":1}\n';
    expect(redactor.line(line)).toBe(line);
    expect(redactor.text(`k=${SECRETS[0]}`)).toBe(`k=${REDACTED}`);
    expect(providerSecrets({ UPLYNK: { ownerId: 'o', apiKey: 'k1', baseUrl: 'u' }, RUNWAY: { token: 't1', baseUrl: 'u', email: undefined } })).toEqual([
      'k1',
      't1',
    ]);
  });
});
