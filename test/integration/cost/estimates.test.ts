import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';

/**
 * The cost model against the sandbox's call counters: the estimate (`requestedQueryCost`) equals the
 * upstream calls made where the model is exact, and `actualQueryCost` is those calls, counted.
 */
let h: Harness;
const ids: Record<string, string[]> = {};
beforeAll(async () => {
  h = await startHarness();
  ids.UPLYNK = await assetIds(h, 'UPLYNK', 2500);
  ids.TWELVE_LABS = await assetIds(h, 'TWELVE_LABS', 100);
  ids.VIDEO_JUNGLE = await assetIds(h, 'VIDEO_JUNGLE', 40);
}, 60_000);
beforeEach(() => h.sandbox.resetCounters());
afterAll(() => h.stop());

const upstreamCalls = () => Object.values(h.sandbox.servers).reduce((n, server) => n + server.calls(), 0);
const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';

/** `fieldErrors`: a provider refusing an item (a frame of an asset not ready) still spent its call. */
async function priced(query: string, variables?: Record<string, unknown>, fieldErrors = false) {
  const res = await h.gql(query, variables);
  if (!fieldErrors) expect(res.errors).toBeUndefined();
  else expect(res.data).toBeTruthy();
  const cost = res.extensions!.cost;
  return { requested: cost.requestedQueryCost, actual: cost.actualQueryCost, counted: upstreamCalls(), cost };
}

describe('a call shared by concurrent operations', () => {
  it.each(['UPLYNK', 'VIDEO_JUNGLE'])('%s: counts once for each operation that waited on it', async (provider) => {
    const server = h.sandbox.servers[provider as 'UPLYNK']!;
    // Slow enough that the eight requests arrive while the first one's call is in flight.
    server.latencyMs = 100;
    try {
      const query = 'query($id: ID!) { asset(id: $id) { id } }';
      const answers = await Promise.all(Array.from({ length: 8 }, () => h.gql(query, { id: ids[provider]![0] })));
      // Fewer upstream calls than operations: they shared (cross-request coalescing) ...
      expect(upstreamCalls()).toBeLessThan(8);
      // ... and each operation reports the call it waited on, as its own estimate said, shared or not.
      for (const res of answers) expect(res.extensions!.cost).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1 });
    } finally {
      server.latencyMs = 0;
    }
  });
});

describe('estimates equal counted upstream calls', () => {
  it.each([
    ['UPLYNK', 2500, 3],
    ['TWELVE_LABS', 100, 2],
    ['VIDEO_JUNGLE', 40, 40],
  ])('nodes: %s × %i ids cost %i', async (provider, count, calls) => {
    const r = await priced(NODES, { ids: ids[provider]!.slice(0, count) });
    expect(r).toMatchObject({ requested: calls, actual: calls, counted: calls });
  });

  it('nodes: duplicates and ids of several providers, batched per provider', async () => {
    const mixed = [...ids.UPLYNK!.slice(0, 1500), ...ids.TWELVE_LABS!.slice(0, 60), ...ids.VIDEO_JUNGLE!.slice(0, 3), ids.VIDEO_JUNGLE![0]!];
    const r = await priced(NODES, { ids: mixed });
    expect(r).toMatchObject({ requested: 2 + 2 + 3, actual: 7, counted: 7 });
  });

  it("a gateway's _entities batch is priced as nodes: 2,500 Uplynk references, 3 calls", async () => {
    const representations = ids.UPLYNK!.map((id) => ({ __typename: 'UplynkAsset', id }));
    const r = await priced('query($r: [_Any!]!) { _entities(representations: $r) { ... on UplynkAsset { id } } }', { r: representations });
    expect(r).toMatchObject({ requested: 3, actual: 3, counted: 3 });
  });

  it("assets(provider, first) costs the provider's pages", async () => {
    // Uplynk pages by 100, Runway by 50, Twelve Labs one page when aligned.
    const r = await priced('{ u: assets(provider: UPLYNK, first: 100) { nodes { id } } r: assets(provider: RUNWAY, first: 100) { nodes { id } } }');
    expect(r).toMatchObject({ requested: 3, actual: 3, counted: 3 });
  });

  it('a merged list costs the sum over enabled providers', async () => {
    const r = await priced('{ assets(first: 20) { nodes { id } } }');
    expect(r).toMatchObject({ requested: 4, actual: 4, counted: 4 });
  });

  it('a nested list multiplies by the parent page: 5 Uplynk assets × one frame each', async () => {
    const r = await priced('{ assets(provider: UPLYNK, first: 5) { nodes { frame(at: 1000) { at } } } }', undefined, true);
    expect(r).toMatchObject({ requested: 1 + 5, actual: 6, counted: 6 });
  });

  it('nodes below nodes: every id times its nested field', async () => {
    const r = await priced('query($ids: [ID!]!) { nodes(ids: $ids) { ... on Asset { thumbnails(start: 0) { at } } } }', { ids: ids.UPLYNK!.slice(0, 4) }, true);
    expect(r).toMatchObject({ requested: 1 + 4, actual: 5, counted: 5 });
  });

  it('fields served from an already-fetched object cost 0: projects → assets → project', async () => {
    const r = await priced('{ projects(first: 10) { nodes { id assets(first: 5) { nodes { id project { name scripts { id } } } } } } }');
    expect(r).toMatchObject({ requested: 1, actual: 1, counted: 1 });
  });

  it("the README's worked example: 11 requested, 10 spent, 1 refunded", async () => {
    const ready = await assetIds(h, 'UPLYNK', 3, 'READY');
    h.sandbox.resetCounters();
    const query = `query Worked($ids: [ID!]!) {
      nodes(ids: $ids) { ... on UplynkAsset { frame(at: 1000) { at } } }
      assets(first: 20) { nodes { id } }
      projects(first: 10) { nodes { assets(first: 5) { nodes { project { name } } } } }
    }`;
    const r = await priced(query, { ids: [...ready, ids.VIDEO_JUNGLE![0]!] });
    expect(r).toMatchObject({ requested: 11, actual: 10, counted: 10 });
  });

  it('a mutation costs its calls: a 3 GB Twelve Labs upload target needs 573 part URLs, 50 per call', async () => {
    const r =
      await priced(`mutation { createUploadTarget(input: { provider: TWELVE_LABS, filename: "master.mp4", mimeType: "video/mp4", sizeBytes: 3000000000 }) {
      uploadTarget { uploadId } userErrors { code } } }`);
    // The session, 12 presigned-urls calls, the asset read.
    expect(r).toMatchObject({ requested: 14, actual: 14, counted: 14 });
  });

  it('a field with no upstream read costs nothing', async () => {
    const r = await priced('{ providers { provider enabled } __typename }');
    expect(r).toMatchObject({ requested: 0, actual: 0, counted: 0 });
    expect(r.cost.throttleStatus).toEqual({ maximumAvailable: 2000, currentlyAvailable: expect.any(Number), restoreRate: 100 });
  });
});
