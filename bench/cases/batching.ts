import { postGraphQL } from '../../test/helpers/harness.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import type { ProviderName } from '../../src/providers/types.js';
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

const QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Asset { status } } }`;

/**
 * `nodes` over N ids of one provider, sequentially, `runs` times: upstream calls per query from the
 * sandbox's counters, latency percentiles from the client side.
 */
export async function measureNodes(
  endpoint: string,
  sandbox: Sandbox,
  provider: ProviderName,
  ids: string[],
  batching: boolean,
  runs: number,
): Promise<BatchingRow> {
  await postGraphQL(endpoint, QUERY, { ids }); // warm-up: pools connected, code paths compiled
  sandbox.resetCounters();
  const latencies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await postGraphQL(endpoint, QUERY, { ids });
    latencies.push(performance.now() - started);
    if (res.errors) throw new Error(`nodes failed: ${JSON.stringify(res.errors.slice(0, 2))}`);
  }
  return {
    provider,
    ids: ids.length,
    batching,
    runs,
    upstreamCallsPerQuery: sandbox.servers[provider].calls() / runs,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}
