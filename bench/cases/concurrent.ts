import type { ProviderName } from '../../src/providers/index.js';
import type { Bench, ServerProcess } from '../lib/context.js';
import { gql } from '../lib/gql.js';
import { undiciLoad } from '../lib/load.js';
import { fmt, type CaseOutput } from '../lib/report.js';
import { ASSET_QUERY, measured, SATURATION, warmUp, type ServerLoad, type Timing } from './overhead.js';

/** Which server a row measured: assetfed, or the hand-written Apollo Server 4 peer of bench/apollo-peer.ts. */
export type ConcurrentServer = 'assetfed' | 'apollo-peer';

export const SERVER_LABELS: Record<ConcurrentServer, string> = { assetfed: 'assetfed', 'apollo-peer': 'Apollo Server 4 peer' };

export interface ConcurrentRow extends ServerLoad {
  server: ConcurrentServer;
  provider: ProviderName;
  /** Distinct ids the requests cycle through (1: every request asks the same asset). */
  ids: number;
  /** UPSTREAM_RATE_LIMIT of the server, or 'none'. */
  rateLimit: string;
  upstreamCallsPerRequest: number;
}

/** Distinct READY ids of a provider, read through assetfed itself (the sandbox has slicing and deleted ones too). */
async function readyIds(endpoint: string, ids: readonly string[], count: number): Promise<string[]> {
  // Errors (an asset deleted meanwhile) only drop their own entries.
  type Node = { id: string; status: string } | null;
  const res = await gql<{ nodes: Node[] }>(endpoint, 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Asset { id status } } }', { ids });
  const nodes: Node[] = res.data?.nodes ?? [];
  return nodes
    .filter((n) => n?.status === 'READY')
    .map((n) => n!.id)
    .slice(0, count);
}

/**
 * One measured load on one server: SATURATION `asset(id)` requests in flight, cycling over `ids`, after a
 * warm-up; upstream calls per request from the sandbox's counter of that provider over the measured run.
 */
async function load(bench: Bench, timing: Timing, server: ServerProcess, profileLabel: string, provider: ProviderName, ids: readonly string[]) {
  const url = new URL(server.endpoint);
  const bodies = ids.map((id) => JSON.stringify({ query: ASSET_QUERY, variables: { id } }));
  let next = 0;
  const run = (durationS: number) =>
    undiciLoad({
      origin: url.origin,
      connections: SATURATION,
      durationS,
      next: () => ({
        method: 'POST',
        path: url.pathname,
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: bodies[next++ % bodies.length]!,
      }),
      check: (text) => !text.includes('"errors"'),
    });
  await run(timing.warmupS);
  const before = await bench.sandbox.calls(provider);
  const result = await bench.profiled(server, profileLabel, () => measured(server, () => run(timing.durationS)));
  const calls = (await bench.sandbox.calls(provider)) - before;
  return { ...result, upstreamCallsPerRequest: Math.round((1000 * calls) / Math.max(1, result.requests)) / 1000 };
}

/**
 * Case: 64 `asset(id)` in flight, each request its own HTTP request, cycling over 500 distinct READY
 * ids (Twelve Labs: the READY ones among the bench's ids) and over one id. Upstream calls per request
 * from the sandbox's counters: the shared batcher makes them grow with time, not with requests. Run
 * without a rate limit and with UPSTREAM_RATE_LIMIT=UPLYNK=20 (the quota is then the ceiling). Without a
 * rate limit, the same loads also run on the Apollo Server 4 peer (bench/apollo-peer.ts: DataLoader per
 * request, nothing shared between requests), each right after assetfed's.
 */
export async function runConcurrent(bench: Bench, timing: Timing): Promise<CaseOutput<{ rows: ConcurrentRow[] }>> {
  const rows: ConcurrentRow[] = [];
  const main = await bench.assetfed('main');
  const peer = await bench.apolloPeer();
  await warmUp(bench, peer);
  const configs: { rateLimit: string; servers: { server: ConcurrentServer; target: ServerProcess }[] }[] = [
    {
      rateLimit: 'none',
      servers: [
        { server: 'assetfed', target: main },
        { server: 'apollo-peer', target: peer },
      ],
    },
    {
      rateLimit: 'UPLYNK=20',
      servers: [{ server: 'assetfed', target: await bench.assetfed('uplynk-quota', { UPSTREAM_RATE_LIMIT: 'UPLYNK=20' }) }],
    },
  ];
  const distinct = {
    UPLYNK: await readyIds(main.endpoint, bench.ids.UPLYNK, 500),
    TWELVE_LABS: await readyIds(main.endpoint, bench.ids.TWELVE_LABS, 500),
  };
  for (const { rateLimit, servers } of configs) {
    for (const provider of ['UPLYNK', 'TWELVE_LABS'] as const) {
      if (rateLimit !== 'none' && provider !== 'UPLYNK') continue;
      for (const ids of [distinct[provider], [bench.readyIds[provider]]]) {
        for (const { server, target } of servers) {
          const prefix = server === 'assetfed' ? 'concurrent' : `concurrent-${server}`;
          const result = await load(bench, timing, target, `${prefix}-${provider}-${ids.length}-${rateLimit}`, provider, ids);
          rows.push({ ...result, server, provider, ids: ids.length, rateLimit });
        }
      }
    }
  }
  await bench.release('apollo-peer');
  await bench.release('uplynk-quota');
  return {
    name: 'concurrent',
    tables: [
      {
        title: `Case concurrent: ${SATURATION} asset(id) in flight over distinct ids and over one id (cross-request batching and coalescing), assetfed and a hand-written Apollo Server 4 peer`,
        rows: [
          ['server', 'provider', 'ids', 'rate limit', 'req/s', 'p50 ms', 'p99 ms', 'upstream calls / request', 'CPU µs/req'],
          ...rows.map((r) => [
            SERVER_LABELS[r.server],
            r.provider,
            r.ids,
            r.rateLimit,
            fmt(r.rps, 0),
            r.p50Ms,
            r.p99Ms,
            r.upstreamCallsPerRequest,
            fmt(r.cpuUsPerRequest, 0),
          ]),
        ],
      },
    ],
    notes: [
      'Each request is its own HTTP request; concurrent ones share upstream calls below their per-request loaders.',
      'The Apollo Server 4 peer is NOT assetfed: Apollo Server 4.13 standalone, a RESTDataSource per provider per request over a',
      'DataLoader per request (bench/apollo-peer.ts), so nothing is batched or cached across requests; built and run like',
      'assetfed (BENCH_RUNTIME). Apollo Server 4 reached end of life in January 2026 (5 is current); the issue asks for 4.',
      `Failed or unexpected responses: ${rows.reduce((n, r) => n + r.errors + r.non2xx + r.mismatches, 0)}.`,
    ],
    data: { rows },
  };
}
