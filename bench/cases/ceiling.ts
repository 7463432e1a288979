import type { Bench } from '../lib/context.js';
import { gql } from '../lib/gql.js';
import { graphqlLoad } from '../lib/load.js';
import { fmt, type CaseOutput } from '../lib/report.js';
import { measured, SATURATION, type ServerLoad, type Timing } from './overhead.js';

export interface CeilingRow extends ServerLoad {
  connections: number;
}

/**
 * Case 2: `{ __typename }` on the same assetfed server: no resolver, no upstream, so what yoga,
 * envelop and Node's HTTP server cost per request on this machine. asset(id) is compared with it at
 * the same number of requests in flight.
 */
export async function runCeiling(bench: Bench, timing: Timing): Promise<CaseOutput<{ rows: CeilingRow[] }>> {
  const server = await bench.assetfed('main');
  const body = JSON.stringify({ query: '{ __typename }' });
  const expectBody = (await gql(server.endpoint, '{ __typename }')).text;
  const rows: CeilingRow[] = [];
  for (const connections of [1, SATURATION]) {
    const run = (durationS: number) => graphqlLoad({ endpoint: server.endpoint, connections, durationS, body, expectBody });
    await run(timing.warmupS);
    rows.push({ ...(await bench.profiled(server, `ceiling-c${connections}`, () => measured(server, () => run(timing.durationS)))), connections });
  }
  return {
    name: 'ceiling',
    tables: [
      {
        title: 'Case 2, framework ceiling: { __typename } on the same assetfed server (no resolver, no upstream)',
        rows: [
          ['in flight', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req'],
          ...rows.map((r) => [r.connections, fmt(r.rps, 0), r.p50Ms, r.p99Ms, fmt(r.cpuUsPerRequest, 0)]),
        ],
      },
    ],
    notes: [`Failed or unexpected responses: ${rows.reduce((n, r) => n + r.errors + r.non2xx + r.mismatches, 0)}.`],
    data: { rows },
  };
}
