import type { ProviderName } from '../../src/providers/types.js';
import type { Bench, SandboxProcess } from '../lib/context.js';
import { gql } from '../lib/gql.js';
import { fmt, type CaseOutput } from '../lib/report.js';
import { percentile, round } from '../lib/stats.js';

export interface BatchingRow {
  provider: ProviderName;
  ids: number;
  batching: boolean;
  runs: number;
  upstreamCallsPerQuery: number;
  p50Ms: number;
  p99Ms: number;
}

export const NODES_QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Asset { status } } }`;

/** Ids of one provider per call of its multi-get: the fewest calls a `nodes` over n ids can cost. */
export const MAX_BATCH: Partial<Record<ProviderName, number>> = { UPLYNK: 1000, TWELVE_LABS: 50 };
export const providerMinimum = (provider: ProviderName, ids: number) => Math.ceil(ids / (MAX_BATCH[provider] ?? 1));

/** The id sets of cases 3 and 4, with runs per set (fewer for the slow unbatched thousands). */
export const SETS: ['UPLYNK' | 'TWELVE_LABS', number][] = [
  ['UPLYNK', 1],
  ['UPLYNK', 100],
  ['UPLYNK', 1000],
  ['UPLYNK', 2500],
  ['TWELVE_LABS', 100],
];

const PROVIDER_LABEL: Record<string, string> = { UPLYNK: 'Uplynk', TWELVE_LABS: 'Twelve Labs' };
export const label = (provider: ProviderName) => PROVIDER_LABEL[provider] ?? provider;

/**
 * `nodes` over N ids of one provider, sequentially, `runs` times: upstream calls per query from the
 * sandbox's counters, latency percentiles from the client side.
 */
export async function measureNodes(
  endpoint: string,
  sandbox: SandboxProcess,
  provider: ProviderName,
  ids: string[],
  batching: boolean,
  runs: number,
): Promise<BatchingRow> {
  const check = async () => {
    const res = await gql(endpoint, NODES_QUERY, { ids });
    if (res.errors || !res.data || res.data.nodes.length !== ids.length) {
      throw new Error(`nodes failed: ${JSON.stringify(res.errors?.slice(0, 2))}`);
    }
  };
  await check(); // warm-up: pools connected, code paths compiled
  await sandbox.reset();
  const latencies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await check();
    latencies.push(performance.now() - started);
  }
  return {
    provider,
    ids: ids.length,
    batching,
    runs,
    upstreamCallsPerQuery: (await sandbox.calls(provider)) / runs,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

/** Case 3: `nodes` over 1 / 100 / 1,000 / 2,500 Uplynk ids and 100 Twelve Labs ids, batching on and off. */
export async function runBatching(bench: Bench): Promise<CaseOutput<{ rows: BatchingRow[] }>> {
  const on = await bench.assetfed('main');
  // Unbatched, 1,000 ids cost 1,000 calls: above the default MAX_QUERY_COST, which would refuse them.
  const off = await bench.assetfed('batching-off', { BATCHING: 'false', MAX_QUERY_COST: '10000' });
  const quick = bench.options.quick;
  const rows: BatchingRow[] = [];
  for (const [provider, n] of SETS) {
    const ids = bench.ids[provider].slice(0, n);
    rows.push(await measureNodes(on.endpoint, bench.sandbox, provider, ids, true, quick ? 3 : n >= 1000 ? 10 : 30));
    // Unbatched thousands take seconds a query: a smoke run leaves them out.
    if (quick && n >= 1000) continue;
    rows.push(await measureNodes(off.endpoint, bench.sandbox, provider, ids, false, quick ? 1 : n >= 1000 ? 3 : 10));
  }
  await bench.release('batching-off');
  return {
    name: 'batching',
    tables: [
      {
        title: `Case 3, batching: nodes(ids), batching on vs off (sandbox latency ${bench.options.latencyMs} ms per upstream call)`,
        rows: [
          ['provider', 'ids', 'batching', 'runs', 'upstream calls / query', 'provider minimum', 'p50 ms', 'p99 ms'],
          ...rows.map((r) => [
            label(r.provider),
            fmt(r.ids, 0),
            r.batching ? 'on' : 'off',
            r.runs,
            fmt(r.upstreamCallsPerQuery, 2),
            providerMinimum(r.provider, r.ids),
            fmt(r.p50Ms),
            fmt(r.p99Ms),
          ]),
        ],
      },
    ],
    notes: [
      'One query at a time. "off" still caps calls in flight at UPSTREAM_CONCURRENCY (8) per provider, as a careful',
      'hand-written client would; without the cap it would flood the provider (see case 4, the naive peer).',
      "Provider minimum: Uplynk's /asset/get takes 1,000 ids a call, Twelve Labs' asset_ids 50.",
    ],
    data: { rows },
  };
}
