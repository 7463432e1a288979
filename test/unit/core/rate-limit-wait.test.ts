import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderHttp, rateLimitReset } from '../../../src/providers/http/index.js';

/** The answers still to give, in order (then 200s), and when each call arrived. */
let script: { status: number; headers?: Record<string, string> }[] = [];
let arrivals: number[] = [];
const server = createServer((req: IncomingMessage, res) => {
  arrivals.push(performance.now());
  req.resume();
  const next = script.shift() ?? { status: 200 };
  res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
  res.end(next.status === 200 ? '{"ok":true}' : '{"code":"too_many_requests","message":"slow down"}');
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  script = [];
  arrivals = [];
});

const limited = { status: 429 };
const http = (rateLimitBackoffMs: number, maxRetryAfterMs = 5000) =>
  new ProviderHttp({ provider: 'TWELVE_LABS', baseUrl, headers: {}, classify: () => ({ detail: 'slow down' }), rateLimitBackoffMs, maxRetryAfterMs });
const get = (client: ProviderHttp) => client.request({ method: 'GET', path: '/assets', endpoint: 'GET /assets', schema: z.unknown() });
const gaps = () => arrivals.slice(1).map((at, i) => at - arrivals[i]!);

describe('a 429 that names no wait', () => {
  it("waits the provider's backoff, doubled per attempt, before each retry", async () => {
    const client = http(150);
    script = [limited, limited];
    expect(await get(client)).toEqual({ ok: true });
    const [first, second] = gaps();
    expect(first).toBeGreaterThanOrEqual(150 - 2);
    expect(second).toBeGreaterThanOrEqual(300 - 2);
    await client.close();
  });

  it('waits until X-Ratelimit-Reset when the provider sends it', async () => {
    const client = http(50);
    const reset = Math.ceil(Date.now() / 1000) + 1;
    script = [{ status: 429, headers: { 'x-ratelimit-reset': String(reset) } }];
    await get(client);
    // performance.timeOrigin + a performance.now() stamp is wall-clock time.
    expect(performance.timeOrigin + arrivals[1]!).toBeGreaterThanOrEqual(reset * 1000 - 5);
    await client.close();
  });

  it('fails at once with the wait as retryAfterMs when it is longer than we wait, and holds the next call', async () => {
    const client = http(1000, 200);
    script = [limited];
    const started = performance.now();
    await expect(get(client)).rejects.toMatchObject({ kind: 'RATE_LIMITED', retryAfterMs: 1000, status: 429 });
    expect(arrivals).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(150);
    // The provider's quota is the account's: the next call waits out the hold (capped at 200 ms here).
    await get(client);
    expect(gaps()[0]).toBeGreaterThanOrEqual(200 - 2);
    await client.close();
  });

  it('gives a write no retry, but the wait to pass on', async () => {
    const client = http(1000);
    script = [limited];
    const write = client.request({ method: 'POST', path: '/assets', endpoint: 'POST /assets', body: '{}', schema: z.unknown() });
    await expect(write).rejects.toMatchObject({ kind: 'RATE_LIMITED', retryAfterMs: 1000 });
    expect(arrivals).toHaveLength(1);
    await client.close();
  });
});

describe('rateLimitReset', () => {
  it('reads epoch seconds in the future as ms from now, and nothing else', () => {
    const inTwo = Math.floor(Date.now() / 1000) + 2;
    expect(rateLimitReset({ 'x-ratelimit-reset': String(inTwo) })).toBeGreaterThan(1000);
    expect(rateLimitReset({ 'x-ratelimit-reset': String(inTwo) })).toBeLessThanOrEqual(2000);
    expect(rateLimitReset({ 'x-ratelimit-reset': '1000000000' })).toBeUndefined();
    expect(rateLimitReset({ 'x-ratelimit-reset': 'soon' })).toBeUndefined();
    expect(rateLimitReset({})).toBeUndefined();
  });
});
