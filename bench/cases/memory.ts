import type { Bench, Memory } from '../lib/context.js';
import { gqlOk } from '../lib/gql.js';
import { autocannonLoad, GRAPHQL_HEADERS } from '../lib/load.js';
import { fmt, type CaseOutput } from '../lib/report.js';
import { round } from '../lib/stats.js';
import { NODES_QUERY } from './batching.js';
import { ASSET_QUERY } from './overhead.js';

export interface MemorySample {
  requests: number;
  rssMb: number;
  heapUsedMb: number;
  /** Heap after two forced collections: what is still referenced, the figure a leak moves. */
  heapAfterGcMb: number;
}

export interface MemoryData {
  total: number;
  connections: number;
  samples: MemorySample[];
  rps: number;
  failures: number;
  rssGrowthMb: number;
  heapAfterGcGrowthMb: number;
}

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

/**
 * Case 6: a fresh assetfed under a mix of asset(id), nodes over 20 ids, the merged assets list and
 * providers, in ten equal slices; RSS and heap are read between slices to show whether they grow.
 */
export async function runMemory(bench: Bench): Promise<CaseOutput<MemoryData>> {
  const total = bench.options.quick ? 5000 : 100_000;
  const connections = 32;
  const slices = 10;
  const server = await bench.assetfed('memory');
  const operations: [string, Record<string, unknown>?][] = [
    [ASSET_QUERY, { id: bench.readyIds.TWELVE_LABS }],
    [NODES_QUERY, { ids: bench.ids.UPLYNK.slice(0, 20) }],
    ['query { assets(provider: UPLYNK, first: 20) { edges { node { id name status provider } } pageInfo { hasNextPage } } }'],
    ['query { providers { provider enabled sandbox capabilities } }'],
  ];
  for (const [query, variables] of operations) await gqlOk(server.endpoint, query, variables);
  const requests = operations.map(([query, variables]) => ({
    method: 'POST' as const,
    headers: GRAPHQL_HEADERS,
    body: JSON.stringify({ query, variables }),
  }));
  const run = (amount: number) => autocannonLoad({ url: server.endpoint, connections, amount, requests });

  await run(bench.options.quick ? 500 : 4000); // warm-up, not counted
  const sample = async (done: number): Promise<MemorySample> => {
    const raw: Memory = await server.memory(false);
    const collected: Memory = await server.memory(true);
    return { requests: done, rssMb: mb(raw.rss), heapUsedMb: mb(raw.heapUsed), heapAfterGcMb: mb(collected.heapUsed) };
  };
  const samples = [await sample(0)];
  let failures = 0;
  let seconds = 0;
  for (let i = 1; i <= slices; i++) {
    // Profiling every slice would print ten near-identical profiles: the last one stands for them.
    const slice = () => run(total / slices);
    const result = i === slices ? await bench.profiled(server, 'memory-last-slice', slice) : await slice();
    failures += result.errors + result.non2xx + result.mismatches;
    seconds += result.durationS;
    samples.push(await sample((i * total) / slices));
  }
  await bench.release('memory');
  const first = samples[1]!;
  const last = samples.at(-1)!;
  const data: MemoryData = {
    total,
    connections,
    samples,
    rps: Math.round(total / seconds),
    failures,
    rssGrowthMb: round(last.rssMb - first.rssMb, 1),
    heapAfterGcGrowthMb: round(last.heapAfterGcMb - first.heapAfterGcMb, 1),
  };
  return {
    name: 'memory',
    tables: [
      {
        title: `Case 6, memory: assetfed RSS over ${fmt(total, 0)} mixed requests (asset, nodes of 20, Uplynk assets list, providers; ${connections} in flight)`,
        rows: [['requests', 'RSS MB', 'heap used MB', 'heap after GC MB'], ...samples.map((s) => [fmt(s.requests, 0), s.rssMb, s.heapUsedMb, s.heapAfterGcMb])],
      },
    ],
    notes: [
      `${fmt(data.rps, 0)} req/s on average; failed responses: ${failures}.`,
      `Growth from the first slice to the last: RSS ${data.rssGrowthMb} MB, heap after GC ${data.heapAfterGcGrowthMb} MB.`,
      'Each connection cycles through the four operations; memory is read between slices (raw, then after two forced GCs).',
    ],
    data,
  };
}
