import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { globalId, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';
import { NodesDocument } from '../../generated/graphql.js';

let h: Harness;
const ids: Record<string, string[]> = {};
beforeAll(async () => {
  h = await startHarness();
  ids.UPLYNK = await assetIds(h, 'UPLYNK', 2500);
  ids.TWELVE_LABS = await assetIds(h, 'TWELVE_LABS', 120);
  ids.VIDEO_JUNGLE = await assetIds(h, 'VIDEO_JUNGLE', 30);
  ids.RUNWAY = await assetIds(h, 'RUNWAY', 10);
}, 60_000);
beforeEach(() => h.sandbox.resetCounters());
afterAll(() => h.stop());

const NODES = NodesDocument;

describe('multi-asset reads at the provider minimum of upstream calls', () => {
  it('2,500 Uplynk IDs cost 3 calls (1,000 per asset/get)', async () => {
    const res = await h.gql(NODES, { ids: ids.UPLYNK! });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes.map((n) => n?.id)).toEqual(ids.UPLYNK);
    expect(h.sandbox.servers.UPLYNK.calls()).toBe(3);
  });

  it('120 Twelve Labs IDs cost 3 list calls (50 asset_ids each), no retrieves', async () => {
    const res = await h.gql(NODES, { ids: ids.TWELVE_LABS! });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes.map((n) => n?.id)).toEqual(ids.TWELVE_LABS);
    const server = h.sandbox.servers.TWELVE_LABS;
    expect(server.calls()).toBe(3);
    expect(server.calls('GET /assets')).toBe(3);
  });

  it('40 Video Jungle IDs with 10 duplicates cost 30 calls, never more than 8 at once', async () => {
    const request = [...ids.VIDEO_JUNGLE!, ...ids.VIDEO_JUNGLE!.slice(0, 10)];
    h.sandbox.servers.VIDEO_JUNGLE.latencyMs = 20; // keep calls in flight long enough to overlap
    try {
      const res = await h.gql(NODES, { ids: request });
      expect(res.errors).toBeUndefined();
      expect(res.data!.nodes.map((n) => n?.id)).toEqual(request);
    } finally {
      h.sandbox.servers.VIDEO_JUNGLE.latencyMs = 0;
    }
    const server = h.sandbox.servers.VIDEO_JUNGLE;
    expect(server.calls()).toBe(30);
    expect(server.maxInFlight).toBeLessThanOrEqual(8);
    expect(server.maxInFlight).toBeGreaterThan(1);
  });

  it('a mixed query sends one batch per provider, all at once', async () => {
    const mixed = [ids.UPLYNK![0]!, ids.TWELVE_LABS![0]!, ids.VIDEO_JUNGLE![0]!, ids.RUNWAY![0]!, ids.UPLYNK![1]!, ids.TWELVE_LABS![1]!];
    for (const s of Object.values(h.sandbox.servers)) s.latencyMs = 50;
    try {
      const res = await h.gql(NODES, { ids: mixed });
      expect(res.errors).toBeUndefined();
      expect(res.data!.nodes.map((n) => n && 'provider' in n && n.provider)).toEqual([
        'UPLYNK',
        'TWELVE_LABS',
        'VIDEO_JUNGLE',
        'RUNWAY',
        'UPLYNK',
        'TWELVE_LABS',
      ]);
    } finally {
      for (const s of Object.values(h.sandbox.servers)) s.latencyMs = 0;
    }
    const { servers } = h.sandbox;
    expect(servers.UPLYNK.calls()).toBe(1);
    expect(servers.TWELVE_LABS.calls()).toBe(1);
    expect(servers.VIDEO_JUNGLE.calls()).toBe(1);
    expect(servers.RUNWAY.calls()).toBe(1);
    // Concurrent: every provider's call started before any of them answered.
    const calls = Object.values(servers).map((s) => s.callLog()[0]!);
    const lastStart = Math.max(...calls.map((c) => c.start));
    const firstEnd = Math.min(...calls.map((c) => c.end));
    expect(lastStart).toBeLessThan(firstEnd);
  });

  it('a missing id among found ones is null with NOT_FOUND, the rest returned', async () => {
    const missingUplynk = globalId('UplynkAsset', '0123456789abcdef0123456789abcdef');
    const missingTl = globalId('TwelveLabsAsset', '000000000000000000000000');
    const missingVj = globalId('VideoJungleAsset', '00000000-0000-4000-8000-000000000000');
    const request = [ids.UPLYNK![0]!, missingUplynk, ids.TWELVE_LABS![0]!, missingTl, missingVj, ids.VIDEO_JUNGLE![0]!];
    const res = await h.gql(NODES, { ids: request });
    expect(res.data!.nodes.map((n) => n?.id ?? null)).toEqual([request[0], null, request[2], null, null, request[5]]);
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual(
      expect.arrayContaining([
        [['nodes', 1], 'NOT_FOUND'],
        [['nodes', 3], 'NOT_FOUND'],
        [['nodes', 4], 'NOT_FOUND'],
      ]),
    );
    expect(h.sandbox.servers.UPLYNK.calls()).toBe(1);
    expect(h.sandbox.servers.TWELVE_LABS.calls()).toBe(1);
  });

  it('projects with their assets cost one list call, not one per project', async () => {
    const res = await h.gql(`{ projects(first: 10) { nodes { id assets(first: 5) { nodes { id project { name } } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(h.sandbox.servers.VIDEO_JUNGLE.calls()).toBe(1);
  });
});
