import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index.js';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { redisUrlForTests, uniqueKeyPrefix } from '../../helpers/redis.js';
import { waitFor } from '../../helpers/wait.js';
import { collect, wsClient } from '../../helpers/ws.js';

const POLL_MS = 200;
const WATCH = `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id status } }`;

/** `n` Twelve Labs URL uploads through the API, PROCESSING until the sandbox's delay passes. */
async function processingAssets(h: Harness, n: number): Promise<string[]> {
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      h.gql(`mutation($u: String!) { uploadAsset(input: { provider: TWELVE_LABS, url: $u }) { asset { id } } }`, {
        u: `https://media.example/scale-${Date.now()}-${i}.mp4`,
      }),
    ),
  );
  return results.map((r) => r.data!.uploadAsset.asset.id);
}

/** GET /assets calls the Twelve Labs sandbox received in a window of `ms`. */
async function callsDuring(sandbox: Sandbox, ms: number): Promise<number> {
  const server = sandbox.servers.TWELVE_LABS;
  const before = server.calls('GET /assets');
  await new Promise((r) => setTimeout(r, ms));
  return server.calls('GET /assets') - before;
}

describe('one poller, however many subscribers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { POLL_INTERVAL_MS: String(POLL_MS) } });
  });
  afterAll(() => h.stop());

  it('1,000 graphql-ws subscribers on the same 50 assets cost what one costs per tick, and leaving stops the polling', async () => {
    h.sandbox.stores.TWELVE_LABS.uploadDelayMs = 120_000;
    const ids = await processingAssets(h, 50);
    const client = wsClient(h.url);
    const first = collect(client, WATCH, { ids });
    await waitFor(async () => (first.events.length >= 50 ? true : undefined));
    const withOne = await callsDuring(h.sandbox, 10 * POLL_MS);

    const others = Array.from({ length: 999 }, () => collect(client, WATCH, { ids }));
    await waitFor(async () => (others.every((o) => o.events.length >= 50) ? true : undefined), 30_000);
    expect(h.app.live.stats()).toMatchObject({ watchedAssets: 50, subscribers: 1000 });
    const withThousand = await callsDuring(h.sandbox, 10 * POLL_MS);
    // One GET /assets (50 asset_ids) per tick either way; ±1 for where the window cuts a tick.
    expect(withOne).toBeGreaterThanOrEqual(8);
    expect(Math.abs(withThousand - withOne)).toBeLessThanOrEqual(1);

    first.unsubscribe();
    for (const o of others) o.unsubscribe();
    await waitFor(async () => (h.app.live.stats().subscribers === 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, POLL_MS));
    expect(await callsDuring(h.sandbox, 5 * POLL_MS)).toBe(0);
    await client.dispose();
  }, 60_000);
});

describe('two app instances on one real Redis', () => {
  let sandbox: Sandbox;
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    sandbox = await startSandbox();
    const env = { POLL_INTERVAL_MS: String(POLL_MS), REDIS_URL: redisUrlForTests(), REDIS_KEY_PREFIX: uniqueKeyPrefix() };
    a = await startHarness({ env, sandbox });
    // A watches first, so A's poller takes the Twelve Labs lease before B exists.
    sandbox.stores.TWELVE_LABS.uploadDelayMs = 120_000;
    const [keepAlive] = await processingAssets(a, 1);
    const client = wsClient(a.url);
    // A going away ends this watch with close code 1001; that is the point of the test, not a failure.
    collect(client, WATCH, { ids: [keepAlive] }).done.catch(() => undefined);
    await waitFor(async () => (a.app.live.stats().polling.includes('TWELVE_LABS') ? true : undefined));
    b = await startHarness({ env, sandbox });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await sandbox?.stop();
  });

  it("delivers to a subscriber on B what A's poller observed; only A polls; B takes over when A dies", async () => {
    sandbox.stores.TWELVE_LABS.uploadDelayMs = 1500;
    const [first] = await processingAssets(b, 1);
    const client = wsClient(b.url);
    const one = collect(client, WATCH, { ids: [first] });
    await waitFor(async () => (one.events.length >= 1 ? true : undefined));
    expect(b.app.live.stats().polling).toEqual([]);
    expect(a.app.live.stats().polling).toContain('TWELVE_LABS');
    const perTick = await callsDuring(sandbox, 5 * POLL_MS);
    expect(perTick).toBeLessThanOrEqual(6); // one poller: one call per tick, not two
    expect((await one.done).map((e) => e.data.assetStatusChanged.status)).toEqual(['PROCESSING', 'READY']);

    await a.stop(); // the polling instance goes away, releasing its lease
    const [second] = await processingAssets(b, 1);
    const two = collect(client, WATCH, { ids: [second] });
    expect((await two.done).map((e) => e.data.assetStatusChanged.status)).toEqual(['PROCESSING', 'READY']);
    expect(b.app.live.stats().polling).toContain('TWELVE_LABS');
    await client.dispose();
  }, 60_000);
});
