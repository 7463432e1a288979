import type { ProviderName } from '../../src/providers/types.js';
import type { Bench } from '../lib/context.js';
import { fmt, type CaseOutput } from '../lib/report.js';
import { round } from '../lib/stats.js';
import { label, measureNodes, SETS, type BatchingRow } from './batching.js';

export interface NaiveRow {
  provider: ProviderName;
  ids: number;
  naive: BatchingRow;
  assetfed: BatchingRow;
  /** Naive p50 over assetfed's. */
  speedup: number;
}

/**
 * Case 4: the same `nodes` query on the naive peer of bench/naive-peer.ts (a resolver per item, one
 * provider call per id, all at once, no DataLoader) and on assetfed (batching on), same sandbox.
 */
export async function runNaive(bench: Bench): Promise<CaseOutput<{ rows: NaiveRow[] }>> {
  const naive = await bench.naivePeer();
  const assetfed = await bench.assetfed('main');
  const runs = (n: number) => (bench.options.quick ? 2 : n >= 1000 ? 5 : 15);
  const rows: NaiveRow[] = [];
  for (const [provider, n] of SETS) {
    const ids = bench.ids[provider].slice(0, n);
    const peer = await measureNodes(naive.endpoint, bench.sandbox, provider, ids, false, runs(n));
    const ours = await measureNodes(assetfed.endpoint, bench.sandbox, provider, ids, true, runs(n));
    rows.push({ provider, ids: n, naive: peer, assetfed: ours, speedup: round(peer.p50Ms / ours.p50Ms, 1) });
  }
  await bench.release('naive-peer');
  return {
    name: 'naive',
    tables: [
      {
        title: 'Case 4, a naive peer: the same nodes(ids) query on a resolver-per-item yoga server without DataLoader (bench/naive-peer.ts) vs assetfed',
        rows: [
          [
            'provider',
            'ids',
            'naive calls / query',
            'naive p50 ms',
            'naive p99 ms',
            'assetfed calls / query',
            'assetfed p50 ms',
            'assetfed p99 ms',
            'naive p50 ÷ assetfed p50',
          ],
          ...rows.map((r) => [
            label(r.provider),
            fmt(r.ids, 0),
            fmt(r.naive.upstreamCallsPerQuery, 2),
            fmt(r.naive.p50Ms),
            fmt(r.naive.p99Ms),
            fmt(r.assetfed.upstreamCallsPerQuery, 2),
            fmt(r.assetfed.p50Ms),
            fmt(r.assetfed.p99Ms),
            `${r.speedup}×`,
          ]),
        ],
      },
    ],
    notes: [
      'The naive peer is NOT assetfed: a dozen lines of yoga whose nodes resolver makes one single-asset call per id',
      '(Uplynk /asset/get?id, Twelve Labs GET /assets/{id}) with undici, all at once: no batching and no bound on calls',
      'in flight, so it is only as fast as the provider lets thousands of simultaneous calls through.',
    ],
    data: { rows },
  };
}
