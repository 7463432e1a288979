import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index.js';
import { postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';
import { deleteKeys, redisUrlForTests, uniqueKeyPrefix } from '../../helpers/redis.js';
import { runOver, TRANSPORTS } from '../../helpers/transports.js';
import { firstEvent, wsClient } from '../../helpers/ws.js';
import { REPLAY_MAX_READS } from '../../../src/live/changes.js';

/** MAX_QUERY_COST and the callers' buckets, over real HTTP (and graphql-ws), against the sandbox's counters. */
const A = 'cost-caller-a-9f1e';
const B = 'cost-caller-b-40c2';
const MERGED = '{ assets(first: 20) { nodes { id } } }'; // 4 calls: one page of each provider

let sandbox: Sandbox;
const started: Harness[] = [];
const upstreamCalls = () => Object.values(sandbox.servers).reduce((n, server) => n + server.calls(), 0);
const as = (h: Harness, token: string, query: string, variables?: Record<string, unknown>) =>
  postGraphQL<any>(`${h.url}/graphql`, query, variables, { authorization: `Bearer ${token}` });

async function harness(env: Record<string, string>): Promise<Harness> {
  const h = await startHarness({ sandbox, env: { API_TOKENS: `${A},${B}`, ...env } });
  started.push(h);
  return h;
}

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await Promise.all(started.map((h) => h.stop()));
  await sandbox.stop();
});

describe('MAX_QUERY_COST', () => {
  it('refuses an operation estimated above it with the estimate, data null, HTTP 200, and no upstream call', async () => {
    const h = await harness({ MAX_QUERY_COST: '39' });
    const ids = await assetIds({ gql: (q, v) => as(h, A, q, v) }, 'VIDEO_JUNGLE', 40);
    const before = upstreamCalls();
    const res = await as(h, A, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(res.status).toBe(200);
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toEqual({ code: 'MAX_COST_EXCEEDED', cost: 40, maxCost: 39 });
    expect(res.extensions!.cost).toMatchObject({ requestedQueryCost: 40, actualQueryCost: 0 });
    expect(upstreamCalls()).toBe(before);
  });

  it('refuses the same on HTTP, SSE and graphql-ws, before any upstream call', async () => {
    const h = await harness({ MAX_QUERY_COST: '3' });
    const before = upstreamCalls();
    const outcomes = await Promise.all(TRANSPORTS.map((t) => runOver(t, h.url, MERGED, undefined, { token: A })));
    expect(upstreamCalls()).toBe(before);
    for (const outcome of outcomes) expect(outcome.errors[0]!.extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', cost: 4, maxCost: 3 });
  });
});

describe("a caller's bucket", () => {
  it('throttles a caller who drained it, with zero upstream calls, and recovers at the restore rate; other callers are not affected', async () => {
    const h = await harness({ CALLER_COST_BUDGET: '10', CALLER_COST_RESTORE_RATE: '4', MAX_QUERY_COST: '10' });
    const first = await as(h, A, MERGED);
    expect(first.extensions!.cost).toMatchObject({ requestedQueryCost: 4, actualQueryCost: 4 });
    expect(first.extensions!.cost.throttleStatus).toEqual({ maximumAvailable: 10, currentlyAvailable: 6, restoreRate: 4 });
    await as(h, A, MERGED);
    const before = upstreamCalls();
    const refused = await as(h, A, MERGED);
    expect(upstreamCalls()).toBe(before);
    expect(refused.status).toBe(200);
    expect(refused.data).toBeNull();
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'THROTTLED', cost: 4, retryAfterSeconds: 1 });
    expect(refused.extensions!.cost).toMatchObject({ requestedQueryCost: 4, actualQueryCost: 0 });
    expect(refused.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(4);
    // Another caller has a bucket of its own.
    expect((await as(h, B, MERGED)).errors).toBeUndefined();
    await sleep(refused.errors![0]!.extensions!.retryAfterSeconds * 1000);
    const recovered = await as(h, A, MERGED);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.extensions!.cost.actualQueryCost).toBe(4);
  });

  it('throttles the same on HTTP, SSE and graphql-ws: one bucket per caller, whatever the transport', async () => {
    const h = await harness({ CALLER_COST_BUDGET: '8', CALLER_COST_RESTORE_RATE: '0.001', MAX_QUERY_COST: '8' });
    const outcomes = [];
    for (const transport of TRANSPORTS) outcomes.push(await runOver(transport, h.url, MERGED, undefined, { token: A }));
    // HTTP and SSE spend the bucket's 8; the websocket operation of the same caller finds it empty.
    expect(outcomes.map((o) => o.errors[0]?.extensions?.code ?? null)).toEqual([null, null, 'THROTTLED']);
    const before = upstreamCalls();
    const [http, sse, ws] = await Promise.all(TRANSPORTS.map((t) => runOver(t, h.url, MERGED, undefined, { token: A })));
    expect(upstreamCalls()).toBe(before);
    for (const outcome of [http!, sse!, ws!]) expect(outcome.errors[0]!.extensions).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: expect.any(Number) });
  });

  it('is charged the actual cost: an estimate above it is refunded', async () => {
    const h = await harness({ CALLER_COST_BUDGET: '100', CALLER_COST_RESTORE_RATE: '0.001', MAX_QUERY_COST: '100' });
    const listed = await as(h, B, '{ projects(first: 1) { nodes { assets(first: 2) { nodes { id } } } } }');
    const ids = listed.data.projects.nodes[0].assets.nodes.map((n: { id: string }) => n.id);
    expect(ids).toHaveLength(2);
    // Two assets of one project: priced 2 reads + a project read each (4), spent 2 + one project read (3).
    const res = await as(h, B, 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on VideoJungleAsset { project { name } } } }', { ids });
    expect(res.errors).toBeUndefined();
    expect(res.extensions!.cost).toMatchObject({ requestedQueryCost: 4, actualQueryCost: 3 });
    expect(res.extensions!.cost.throttleStatus.currentlyAvailable).toBe(100 - 1 - 3);
  });

  it('two instances on one Redis share one budget per caller', async () => {
    const url = redisUrlForTests();
    const prefix = uniqueKeyPrefix();
    try {
      const env = { REDIS_URL: url, REDIS_KEY_PREFIX: prefix, CALLER_COST_BUDGET: '10', CALLER_COST_RESTORE_RATE: '0.001', MAX_QUERY_COST: '10' };
      const [one, two] = [await harness(env), await harness(env)];
      expect((await as(one, A, MERGED)).extensions!.cost.throttleStatus.currentlyAvailable).toBe(6);
      expect((await as(two, A, MERGED)).extensions!.cost.throttleStatus.currentlyAvailable).toBe(2);
      const refused = await as(one, A, MERGED);
      expect(refused.errors![0]!.extensions!.code).toBe('THROTTLED');
      expect((await as(two, B, MERGED)).errors).toBeUndefined();
    } finally {
      await deleteKeys(url, prefix);
    }
  });
});

describe('responses refused before execution', () => {
  it("carry extensions.cost too: nothing requested or spent, and the caller's bucket as it stands", async () => {
    // Refilled so slowly that the bucket stays where MERGED left it: 2000 - 4.
    const h = await harness({ MAX_ALIASES: '2', CALLER_COST_RESTORE_RATE: '0.001' });
    await as(h, A, MERGED);
    const refused = [
      '{ assets(first: 1) { nodes { id }', // parse error
      '{ noSuchField }', // validation
      '{ a: providers { provider } b: providers { provider } c: providers { provider } }', // graphql-armor's alias limit
    ];
    for (const query of refused) {
      const res = await as(h, A, query);
      expect(res.errors, query).toHaveLength(1);
      expect(res.extensions!.cost, query).toEqual({
        requestedQueryCost: 0,
        actualQueryCost: 0,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1996, restoreRate: 0.001 },
      });
    }
    // A batch: each operation its own cost, the refused one's zero.
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${A}` },
      body: JSON.stringify([{ query: MERGED }, { query: '{ noSuchField }' }]),
    });
    const [ran, invalid] = (await res.json()) as any[];
    expect(ran.extensions.cost).toMatchObject({ requestedQueryCost: 4, actualQueryCost: 4 });
    expect(invalid.extensions.cost).toMatchObject({ requestedQueryCost: 0, actualQueryCost: 0 });
  });
});

describe('subscriptions', () => {
  it('report the cost of their initial read on the first event, over graphql-ws', async () => {
    const h = await harness({});
    const ids = await assetIds({ gql: (q, v) => as(h, A, q, v) }, 'UPLYNK', 3, 'READY');
    const client = wsClient(h.url, { authorization: `Bearer ${A}` });
    try {
      const first = await firstEvent(client, 'subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id } }', { ids });
      // Three Uplynk ids: one asset/get, priced and spent.
      expect(first.extensions.cost).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1 });
      expect(first.extensions.cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    } finally {
      await client.dispose();
    }
  });

  it('assetChanges(since) is priced at its most feed reads and charged the reads its replay made', async () => {
    const h = await harness({ CALLER_COST_RESTORE_RATE: '0.001' });
    const log = sandbox.stores.UPLYNK.changeLog();
    const since = new Date(log[log.length - 5]![0]).toISOString();
    const client = wsClient(h.url, { authorization: `Bearer ${A}` });
    try {
      const first = await firstEvent(client, 'subscription($since: DateTime) { assetChanges(provider: UPLYNK, since: $since) { providerId } }', { since });
      // Five changes: one page, then the read that finds nothing new.
      expect(first.extensions.cost).toMatchObject({ requestedQueryCost: REPLAY_MAX_READS, actualQueryCost: 2 });
      expect(first.extensions.cost.throttleStatus.currentlyAvailable).toBe(2000 - 2);
    } finally {
      await client.dispose();
    }
  });
});
