import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../../src/observability/logger.js';
import { ProviderHttp } from '../../../src/providers/http/index.js';
import type { CallRecord, SandboxServer } from '../../../sandbox/server.js';
import { captureLines } from '../../helpers/capture.js';
import { globalId, startHarness, type GraphQLResponse, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';

const assetQuery = `query($id: ID!) { asset(id: $id) { id } }`;
/**
 * A Twelve Labs list page of `first` assets. Concurrent reads of assets share upstream calls (the
 * shared batcher), so tests that need N separate calls at once ask N different pages.
 */
const listQuery = `query($first: Int!) { assets(provider: TWELVE_LABS, first: $first) { nodes { id } } }`;
const pages = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/** Runs `task` over `items` with at most `limit` in flight, like a client with a bounded pool. */
async function withConcurrency<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** The most calls whose start falls in any window [t, t + ms). */
function busiestWindow(calls: CallRecord[], ms: number): number {
  const starts = calls.map((c) => c.start).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[j]! <= starts[i]! - ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Twelve Labs global IDs of `count` distinct assets, adding copies of seeded ones to the sandbox. */
function twelveLabsIds(h: Harness, count: number): string[] {
  const store = h.sandbox.stores.TWELVE_LABS;
  const seeded = store
    .ids()
    .map((id) => store.get(id)!)
    .filter((a) => a.status === 'ready');
  const ids = store.ids();
  for (let i = 0; ids.length < count; i++) {
    const settled = { ...seeded[i % seeded.length]!, _id: store.newId() };
    store.add({ kind: 'video', settled, pending: settled, readyAt: 0 });
    ids.push(settled._id);
  }
  return ids.slice(0, count).map((id) => globalId('TwelveLabsAsset', id));
}

/** Marks the calls the sandbox answered with an injected fault (the record is the newest when taken). */
function recordFaulted(server: SandboxServer): Set<CallRecord> {
  const faulted = new Set<CallRecord>();
  const take = server.faults.take.bind(server.faults);
  server.faults.take = (endpoint) => {
    const fault = take(endpoint);
    if (fault) faulted.add(server.callLog().at(-1)!);
    return fault;
  };
  return faulted;
}

const errorCodes = (responses: GraphQLResponse[]) => responses.map((r) => r.errors?.[0]?.extensions?.code ?? null);

describe('rate limit: a burst of 1,000 asset queries against Twelve Labs limited to 20 calls per second', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { UPSTREAM_RATE_LIMIT: 'TWELVE_LABS=20' }, enable: ['TWELVE_LABS', 'UPLYNK'] });
  });
  afterAll(() => h.stop());

  it('never exceeds 20 calls in any 1-second window, and every query still answers', { timeout: 180_000 }, async () => {
    const ids = twelveLabsIds(h, 1000);
    const server = h.sandbox.servers.TWELVE_LABS;
    server.resetCounters();
    const responses = await withConcurrency(ids, 50, (id) => h.gql(assetQuery, { id }));
    expect(errorCodes(responses).filter((c) => c !== null)).toEqual([]);
    expect(responses.map((r) => r.data?.asset?.id)).toEqual(ids);
    const calls = server.callLog();
    // The limiter counts the shared calls, not the queries: 50 in flight share calls of up to 50 ids.
    expect(calls.length).toBeGreaterThanOrEqual(1000 / 50);
    expect(calls.length).toBeLessThan(200);
    expect(busiestWindow(calls, 1000)).toBeLessThanOrEqual(20);
    expect(h.app.providers.health().TWELVE_LABS).toMatchObject({ breaker: 'closed', queued: 0 });
  });
});

describe('rate limit: a call that would wait too long fails fast', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      env: { UPSTREAM_RATE_LIMIT: 'TWELVE_LABS=1', UPSTREAM_MAX_WAIT_MS: '1500' },
      enable: ['TWELVE_LABS'],
    });
  });
  afterAll(() => h.stop());

  it('as PROVIDER_RATE_LIMITED with the wait, instead of queueing for ever', async () => {
    const started = performance.now();
    const responses = await Promise.all(pages(4).map((first) => h.gql(listQuery, { first })));
    const elapsed = performance.now() - started;
    // 1 per second: the first at once, the second a second later, the others would wait 2 s and 3 s.
    expect(errorCodes(responses).sort()).toEqual([null, null, 'PROVIDER_RATE_LIMITED', 'PROVIDER_RATE_LIMITED'].sort());
    const limited = responses.find((r) => r.errors)!.errors![0]!;
    expect(limited.extensions).toMatchObject({ provider: 'TWELVE_LABS', retryAfterSeconds: expect.any(Number) });
    expect(elapsed).toBeLessThan(1800);
    expect(h.sandbox.servers.TWELVE_LABS.calls()).toBe(2);
  });
});

describe('circuit breaker: a provider that hangs', () => {
  let h: Harness;
  let tl: string[];
  let up: string;
  beforeAll(async () => {
    h = await startHarness({
      env: { UPSTREAM_TIMEOUT_MS: '300', UPSTREAM_BREAKER_COOLDOWN_MS: '1500' },
      enable: ['TWELVE_LABS', 'UPLYNK'],
    });
    tl = await assetIds(h, 'TWELVE_LABS', 10);
    [up] = (await assetIds(h, 'UPLYNK', 1)) as [string];
  });
  afterAll(() => h.stop());

  it('trips the breaker; then its queries fail fast while the other provider answers; a probe closes it', async () => {
    const server = h.sandbox.servers.TWELVE_LABS;
    server.faults.always({ type: 'hang' });
    const timed = async (id: string) => {
      const started = performance.now();
      const res = await h.gql(assetQuery, { id });
      return { res, ms: performance.now() - started };
    };
    const timedList = async (first: number) => {
      const started = performance.now();
      const res = await h.gql(listQuery, { first });
      return { res, ms: performance.now() - started };
    };
    // Five separate calls (the default threshold; five pages, as concurrent asset reads would share
    // one call), each 3 attempts of 300 ms plus backoff, and meanwhile Uplynk answers as if nothing happened.
    const [hung, other] = await Promise.all([Promise.all(pages(5).map(timedList)), timed(up)]);
    expect(other.res.errors).toBeUndefined();
    expect(other.ms).toBeLessThan(300);
    for (const { res, ms } of hung) {
      expect(res.errors![0]!.extensions!.code).toBe('PROVIDER_UNAVAILABLE');
      expect(ms).toBeLessThan(3 * 300 + 300 + 400); // timeout × attempts + the longest backoffs + slack
    }
    expect(h.app.providers.health().TWELVE_LABS!.breaker).toBe('open');

    const callsWhenOpened = server.calls();
    const fast = await Promise.all(tl.slice(5).map(timed));
    for (const { res, ms } of fast) {
      expect(ms).toBeLessThan(150);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'TWELVE_LABS' });
      expect(res.errors![0]!.message).toMatch(/circuit open after 5 consecutive failures; retrying in [12]s/);
    }
    const mixed = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [up, tl[0]] });
    expect(mixed.data!.nodes[0]).toEqual({ id: up });
    expect(mixed.errors![0]!.message).toMatch(/circuit open/);
    expect(server.calls()).toBe(callsWhenOpened); // nothing reached the provider while open
    expect(h.app.providers.health()).toMatchObject({ TWELVE_LABS: { breaker: 'open' }, UPLYNK: { breaker: 'closed' } });

    server.faults.clear();
    while (h.app.providers.health().TWELVE_LABS!.breaker === 'open') await sleep(50);
    const probe = await timed(tl[1]!);
    expect(probe.res.errors).toBeUndefined();
    expect(probe.res.data!.asset.id).toBe(tl[1]);
    expect(server.calls()).toBe(callsWhenOpened + 1);
    expect(h.app.providers.health().TWELVE_LABS!.breaker).toBe('closed');
  });
});

describe('a 429 storm is absorbed', () => {
  let h: Harness;
  const logs = captureLines();
  beforeAll(async () => {
    h = await startHarness({
      env: { UPSTREAM_RATE_LIMIT: 'TWELVE_LABS=20', UPSTREAM_RATE_BURST: 'TWELVE_LABS=1', UPSTREAM_MAX_WAIT_MS: '10000' },
      enable: ['TWELVE_LABS'],
      logger: createLogger('info', logs),
    });
  });
  afterAll(() => h.stop());

  it('queries wait out every Retry-After and succeed; no call goes out before it has passed', async () => {
    const server = h.sandbox.servers.TWELVE_LABS;
    twelveLabsIds(h, 30);
    const faulted = recordFaulted(server);
    server.resetCounters();
    server.faults.rateLimit(1, { times: 5 });
    // Thirty different pages: thirty calls, where concurrent asset reads would share a few.
    const responses = await withConcurrency(pages(30), 10, (first) => h.gql(listQuery, { first }));
    expect(errorCodes(responses).filter((c) => c !== null)).toEqual([]);
    expect(responses.map((r) => r.data?.assets?.nodes.length)).toEqual(pages(30));
    const calls = server.callLog();
    expect(calls).toHaveLength(35); // each 429 cost one call and one retry, nothing more
    expect(faulted.size).toBe(5);
    // Once the app has heard a 429 (its guard logs the hold), no call goes out until the hold has
    // passed. Measured from the hearing, not from when the sandbox wrote the 429: a call the rate
    // limiter released while the 429 was still unread on a busy event loop had not heard it yet.
    const heard = logs
      .records()
      .filter((r) => r['msg'] === 'upstream asked to retry after a delay')
      .map((r) => r['time'] as number);
    expect(heard).toHaveLength(5);
    const startedAt = calls.map((c) => performance.timeOrigin + c.start);
    for (const at of heard) {
      // Log times are whole milliseconds.
      for (const start of startedAt.filter((t) => t > at + 1)) expect(start - at).toBeGreaterThanOrEqual(1000 - 1);
    }
  });
});

describe('a provider that trickles its answer', () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    // Headers at once, then a byte every 50 ms for ever: each chunk resets undici's body timeout.
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('cannot hold a call longer than its timeout', async () => {
    const http = new ProviderHttp({
      provider: 'RUNWAY',
      baseUrl,
      headers: {},
      classify: () => ({ detail: 'x' }),
      timeoutMs: 300,
      retries: 1,
    });
    const started = performance.now();
    const call = http.request({ method: 'GET', path: '/assets/x', endpoint: 'GET /assets/{id}', schema: z.unknown() });
    await expect(call).rejects.toMatchObject({ kind: 'UNAVAILABLE', detail: 'timed out before the answer was complete' });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2 * 300);
    expect(elapsed).toBeLessThan(2 * 300 + 200 + 200); // two attempts, one backoff, slack
    await http.close();
  });
});
