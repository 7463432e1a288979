import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { globalId, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';

const assetQuery = `query($id: ID!) { asset(id: $id) { id name } }`;
const updateName = `mutation($input: UpdateAssetInput!) { updateAsset(input: $input) { asset { id name } userErrors { code message } } }`;
const GET = 'POST /api2/asset/get';

/**
 * Cross-request batching and coalescing over real HTTP: concurrent requests share upstream calls,
 * counted at the sandbox. Each upstream call takes 100 ms, so later requests arrive while one is in
 * flight, as they would at any load worth batching.
 */
let h: Harness;
const ids: Record<string, string[]> = {};
beforeAll(async () => {
  h = await startHarness();
  ids.UPLYNK = await assetIds(h, 'UPLYNK', 64, 'READY');
  ids.TWELVE_LABS = await assetIds(h, 'TWELVE_LABS', 64);
  ids.VIDEO_JUNGLE = await assetIds(h, 'VIDEO_JUNGLE', 1);
  ids.RUNWAY = await assetIds(h, 'RUNWAY', 1);
}, 60_000);
beforeEach(() => {
  for (const server of Object.values(h.sandbox.servers)) {
    // Long enough that the requests one busy test process sends at once arrive within a call or two.
    server.latencyMs = 100;
    server.resetCounters();
  }
});
afterAll(() => h.stop());

const read = (id: string) => h.gql(assetQuery, { id });

describe('concurrent requests share upstream calls', () => {
  it('64 concurrent asset(id) for distinct Uplynk ids: a few asset/get calls, not 64', async () => {
    const responses = await Promise.all(ids.UPLYNK!.map(read));
    expect(responses.map((r) => r.errors)).toEqual(responses.map(() => undefined));
    expect(responses.map((r) => r.data!.asset.id)).toEqual(ids.UPLYNK);
    const calls = h.sandbox.servers.UPLYNK.calls(GET);
    // A few calls go out while the first are in flight (up to 4 at once), the rest queue behind them.
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(8);
  });

  it('64 concurrent asset(id) for distinct Twelve Labs ids: list calls of up to 50 ids, not 64', async () => {
    const responses = await Promise.all(ids.TWELVE_LABS!.map(read));
    expect(responses.map((r) => r.data?.asset?.id)).toEqual(ids.TWELVE_LABS);
    const server = h.sandbox.servers.TWELVE_LABS;
    expect(server.calls()).toBe(server.calls('GET /assets'));
    expect(server.calls()).toBeGreaterThanOrEqual(2);
    expect(server.calls()).toBeLessThanOrEqual(8);
  });

  it.each(['UPLYNK', 'TWELVE_LABS', 'VIDEO_JUNGLE', 'RUNWAY'])('20 concurrent reads of one %s id: one upstream call', async (provider) => {
    const id = ids[provider]![0]!;
    const responses = await Promise.all(Array.from({ length: 20 }, () => read(id)));
    expect(new Set(responses.map((r) => r.data?.asset?.id))).toEqual(new Set([id]));
    expect(h.sandbox.servers[provider as 'UPLYNK'].calls()).toBe(1);
  });

  it('concurrent reads by Uplynk external id share asset/get calls too', async () => {
    const external = h.sandbox.stores.UPLYNK.all()
      .filter((a) => a.external_id && a.deleted === undefined)
      .slice(0, 10)
      .map((a) => a.external_id!);
    expect(external).toHaveLength(10);
    const byExternal = (e: string) => h.gql(`query($e: String!) { assetByExternalId(externalId: $e) { externalId } }`, { e });
    const responses = await Promise.all([...external, ...external].map(byExternal));
    expect(responses.map((r) => r.data?.assetByExternalId?.externalId)).toEqual([...external, ...external]);
    expect(h.sandbox.servers.UPLYNK.calls(GET)).toBeLessThanOrEqual(2);
  });

  it('identical list pages in flight at once share one call; different pages do not', async () => {
    const list = (first: number) => h.gql(`query($f: Int!) { assets(provider: UPLYNK, first: $f) { nodes { id } } }`, { f: first });
    const responses = await Promise.all([list(5), list(5), list(5), list(6)]);
    expect(responses.map((r) => r.data?.assets?.nodes.length)).toEqual([5, 5, 5, 6]);
    expect(h.sandbox.servers.UPLYNK.calls('POST /api2/asset/list')).toBe(2);
  });
});

describe('no stale answers, errors per key, cancellation per caller', () => {
  it('a read that starts after a write answered gets a new call, never the one in flight from before', async () => {
    const id = ids.UPLYNK![1]!;
    const write = h.gql(updateName, { input: { id, name: 'renamed by the shared-batching test' } });
    await sleep(30);
    // Starts while the write is in flight; its call is still in flight when the write answers.
    const before = read(id);
    const written = await write;
    expect(written.data!.updateAsset.userErrors).toEqual([]);
    const after = await read(id);
    expect(after.data!.asset.name).toBe('renamed by the shared-batching test');
    await before;
    expect(h.sandbox.servers.UPLYNK.calls(GET)).toBe(2);
  });

  it('an unknown id in a shared call fails only its own request', async () => {
    const unknown = globalId('UplynkAsset', 'f'.repeat(32));
    const [missing, ...found] = await Promise.all([read(unknown), ...ids.UPLYNK!.slice(2, 6).map(read)]);
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(found.map((r) => r.data!.asset.id)).toEqual(ids.UPLYNK!.slice(2, 6));
    expect(h.sandbox.servers.UPLYNK.calls(GET)).toBeLessThanOrEqual(2);
  });

  it("a caller that goes away does not fail another's shared call", async () => {
    const id = ids.UPLYNK![7]!;
    const controller = new AbortController();
    const abandoned = request(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: assetQuery, variables: { id } }),
      signal: controller.signal,
    });
    await sleep(20);
    const kept = read(id);
    await sleep(20);
    controller.abort();
    await expect(abandoned).rejects.toThrow();
    const res = await kept;
    expect(res.errors).toBeUndefined();
    expect(res.data!.asset.id).toBe(id);
    expect(h.sandbox.servers.UPLYNK.calls(GET)).toBe(1);
  });
});

describe('the rate limiter and Retry-After count shared calls, not requests', () => {
  let limited: Harness;
  let uplynk: string[];
  beforeAll(async () => {
    limited = await startHarness({ env: { UPSTREAM_RATE_LIMIT: 'UPLYNK=2', UPSTREAM_RATE_BURST: 'UPLYNK=1' }, enable: ['UPLYNK'] });
    uplynk = await assetIds(limited, 'UPLYNK', 100, 'READY');
  }, 60_000);
  afterAll(() => limited.stop());

  it('100 concurrent reads under a quota of 2 calls per second answer in a few calls, not 50 s of them', async () => {
    const server = limited.sandbox.servers.UPLYNK;
    await sleep(1000); // the id lookup spent the burst
    server.resetCounters();
    const responses = await Promise.all(uplynk.map((id) => limited.gql(assetQuery, { id })));
    expect(responses.map((r) => r.errors?.[0]?.extensions?.code ?? null)).toEqual(uplynk.map(() => null));
    expect(server.calls(GET)).toBeLessThanOrEqual(4);
  });

  it('a 429 with Retry-After on the shared call is waited out once for every request in it', async () => {
    const server = limited.sandbox.servers.UPLYNK;
    await sleep(1000);
    server.resetCounters();
    server.faults.rateLimit(1, { endpoint: GET });
    const responses = await Promise.all(uplynk.slice(0, 30).map((id) => limited.gql(assetQuery, { id })));
    expect(responses.map((r) => r.data?.asset?.id)).toEqual(uplynk.slice(0, 30));
    // The faulted call and its one retry, plus at most a call or two for requests that came later.
    expect(server.calls(GET)).toBeGreaterThanOrEqual(2);
    expect(server.calls(GET)).toBeLessThanOrEqual(4);
  });
});
