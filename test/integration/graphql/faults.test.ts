import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';
import { runOver, TRANSPORTS } from '../../helpers/transports.js';

let h: Harness;
let tl: string;
let up: string;
beforeAll(async () => {
  // A short timeout so the hanging provider gives up quickly (each attempt waits this long).
  h = await startHarness({ env: { UPSTREAM_TIMEOUT_MS: '500' } });
  [tl] = (await assetIds(h, 'TWELVE_LABS', 1)) as [string];
  [up] = (await assetIds(h, 'UPLYNK', 1)) as [string];
});
afterEach(() => h.sandbox.clearFaults());
afterAll(() => h.stop());

const readBoth = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Asset { status } } }`;

describe('upstream faults fail only what needs the provider', () => {
  it('a 5xx on a read is retried and the query succeeds', async () => {
    const server = h.sandbox.servers.TWELVE_LABS;
    server.faults.next({ type: 'status', status: 503 });
    server.resetCounters();
    const res = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: tl });
    expect(res.errors).toBeUndefined();
    expect(res.data!.asset.id).toBe(tl);
    expect(server.calls()).toBe(2);
  });

  it('a 429 with Retry-After is waited out, then retried', async () => {
    const server = h.sandbox.servers.TWELVE_LABS;
    server.faults.rateLimit(1);
    server.resetCounters();
    const res = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: tl });
    expect(res.errors).toBeUndefined();
    const [limited, retried] = server.callLog();
    expect(server.calls()).toBe(2);
    expect(retried!.start - limited!.end).toBeGreaterThanOrEqual(950); // Retry-After: 1 s, honoured
  });

  it('a provider that is down fails its own entries while the others answer', async () => {
    h.sandbox.servers.TWELVE_LABS.faults.always({ type: 'status', status: 503 });
    const res = await h.gql(readBoth, { ids: [up, tl] });
    expect(res.data!.nodes[0]).toMatchObject({ id: up });
    expect(res.data!.nodes[1]).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'PROVIDER_UNAVAILABLE', provider: 'TWELVE_LABS' } });
    const merged = await h.gql(`{ assets(first: 10) { edges { node { provider } } incompleteProviders { provider code } } }`);
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.assets.incompleteProviders).toEqual([{ provider: 'TWELVE_LABS', code: 'PROVIDER_UNAVAILABLE' }]);
    expect(merged.data!.assets.edges.length).toBe(10);
  });

  it('a dropped connection and a malformed body are typed, never a 500', async () => {
    const server = h.sandbox.servers.TWELVE_LABS;
    server.faults.always({ type: 'drop' });
    const dropped = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: tl });
    expect(dropped.status).toBe(200);
    expect(dropped.errors![0]!.extensions!.code).toBe('PROVIDER_UNAVAILABLE');
    server.faults.clear();
    server.faults.next({ type: 'malformed' });
    const malformed = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: tl });
    expect(malformed.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'BAD_RESPONSE' });
  });

  it('a provider that hangs times out as PROVIDER_UNAVAILABLE while the others answer', async () => {
    h.sandbox.servers.TWELVE_LABS.faults.always({ type: 'hang' });
    const res = await h.gql(readBoth, { ids: [up, tl] });
    expect(res.data!.nodes[0]).toMatchObject({ id: up });
    expect(res.errors![0]!.extensions!.code).toBe('PROVIDER_UNAVAILABLE');
  });
  it('one provider down nulls only its own list among four aliased lists, on every transport', async () => {
    h.sandbox.servers.TWELVE_LABS.faults.always({ type: 'status', status: 503 });
    const query = `{
      vj: assets(provider: VIDEO_JUNGLE, first: 2) { nodes { id } }
      up: assets(provider: UPLYNK, first: 2) { nodes { id } }
      tl: assets(provider: TWELVE_LABS, first: 2) { nodes { id } }
      rw: assets(provider: RUNWAY, first: 2) { nodes { id } }
      providers { provider enabled }
    }`;
    for (const transport of TRANSPORTS) {
      const outcome = await runOver(transport, h.url, query);
      const data = outcome.data[0] as Record<string, { nodes: unknown[] } | null>;
      expect(data.tl, transport).toBeNull();
      for (const alias of ['vj', 'up', 'rw']) expect(data[alias]!.nodes, `${transport} ${alias}`).toHaveLength(2);
      expect(data['providers'], transport).toHaveLength(4);
      expect(outcome.errors, transport).toEqual([
        expect.objectContaining({ path: ['tl'], extensions: expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE', provider: 'TWELVE_LABS' }) }),
      ]);
    }
  });

  it('a provider down nulls its own root fields (projects, changes) and nothing else', async () => {
    h.sandbox.servers.VIDEO_JUNGLE.faults.always({ type: 'status', status: 503 });
    h.sandbox.servers.UPLYNK.faults.always({ type: 'status', status: 503 });
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const res = await h.gql(
      `{ projects(first: 1) { nodes { id } } changes(since: "${since}") { next } tl: assets(provider: TWELVE_LABS, first: 1) { nodes { id } } }`,
    );
    expect(res.data).toEqual({ projects: null, changes: null, tl: { nodes: [expect.objectContaining({ id: expect.any(String) })] } });
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual(
      expect.arrayContaining([
        [['projects'], 'PROVIDER_UNAVAILABLE'],
        [['changes'], 'PROVIDER_UNAVAILABLE'],
      ]),
    );
  });

  // Last: the provider's Retry-After holds every later call to it for up to UPSTREAM_MAX_RETRY_AFTER_MS.
  it('a 429 asking for longer than we wait becomes PROVIDER_RATE_LIMITED with the delay', async () => {
    h.sandbox.servers.TWELVE_LABS.faults.rateLimit(120);
    const res = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: tl });
    expect(res.data!.asset).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterSeconds: 120, provider: 'TWELVE_LABS' });
  });

  it("a 429 without Retry-After fails at once with the provider's own backoff as retryAfterSeconds (useapi: 10 s)", async () => {
    const [runway] = await assetIds(h, 'RUNWAY', 1);
    const server = h.sandbox.servers.RUNWAY;
    server.faults.next({ type: 'status', status: 429, message: 'Too many requests' }, { endpoint: 'GET /assets/:id' });
    server.resetCounters();
    const started = performance.now();
    const res = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: runway });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.data!.asset).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterSeconds: 10, provider: 'RUNWAY' });
    expect(server.calls()).toBe(1);
  });
});
