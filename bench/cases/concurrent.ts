import type { ProviderName } from '../../src/providers/index.js';
import type { Bench } from '../lib/context.js';
import { gql } from '../lib/gql.js';
import { undiciLoad } from '../lib/load.js';
import { fmt, type CaseOutput } from '../lib/report.js';
import { ASSET_QUERY, measured, SATURATION, type ServerLoad, type Timing } from './overhead.js';

export interface ConcurrentRow extends ServerLoad {
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
 * Case: 64 `asset(id)` in flight, each request its own HTTP request, cycling over 500 distinct READY
 * ids (Twelve Labs: the READY ones among the bench's ids) and over one id. Upstream calls per request
 * from the sandbox's counters: the shared batcher makes them grow with time, not with requests. Run
 * without a rate limit and with UPSTREAM_RATE_LIMIT=UPLYNK=20 (the quota is then the ceiling).
 */
export async function runConcurrent(bench: Bench, timing: Timing): Promise<CaseOutput<{ rows: ConcurrentRow[] }>> {
  const rows: ConcurrentRow[] = [];
  const servers = [
    { rateLimit: 'none', server: await bench.assetfed('main') },
    { rateLimit: 'UPLYNK=20', server: await bench.assetfed('uplynk-quota', { UPSTREAM_RATE_LIMIT: 'UPLYNK=20' }) },
  ];
  const distinct = {
    UPLYNK: await readyIds(servers[0]!.server.endpoint, bench.ids.UPLYNK, 500),
    TWELVE_LABS: await readyIds(servers[0]!.server.endpoint, bench.ids.TWELVE_LABS, 500),
  };
  for (const { rateLimit, server } of servers) {
    const url = new URL(server.endpoint);
    for (const provider of ['UPLYNK', 'TWELVE_LABS'] as const) {
      if (rateLimit !== 'none' && provider !== 'UPLYNK') continue;
      for (const ids of [distinct[provider], [bench.readyIds[provider]]]) {
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
        const load = await bench.profiled(server, `concurrent-${provider}-${ids.length}-${rateLimit}`, () => measured(server, () => run(timing.durationS)));
        const calls = (await bench.sandbox.calls(provider)) - before;
        rows.push({ ...load, provider, ids: ids.length, rateLimit, upstreamCallsPerRequest: Math.round((1000 * calls) / Math.max(1, load.requests)) / 1000 });
      }
    }
  }
  await bench.release('uplynk-quota');
  return {
    name: 'concurrent',
    tables: [
      {
        title: `Case concurrent: ${SATURATION} asset(id) in flight over distinct ids and over one id (cross-request batching and coalescing)`,
        rows: [
          ['provider', 'ids', 'rate limit', 'req/s', 'p50 ms', 'p99 ms', 'upstream calls / request', 'CPU µs/req'],
          ...rows.map((r) => [r.provider, r.ids, r.rateLimit, fmt(r.rps, 0), r.p50Ms, r.p99Ms, r.upstreamCallsPerRequest, fmt(r.cpuUsPerRequest, 0)]),
        ],
      },
    ],
    notes: [
      'Each request is its own HTTP request; concurrent ones share upstream calls below their per-request loaders.',
      `Failed or unexpected responses: ${rows.reduce((n, r) => n + r.errors + r.non2xx + r.mismatches, 0)}.`,
    ],
    data: { rows },
  };
}
