import type { Bench } from '../lib/context.js';
import { gql } from '../lib/gql.js';
import { graphqlLoad } from '../lib/load.js';
import { fmt, type CaseOutput } from '../lib/report.js';
import { round } from '../lib/stats.js';
import { ASSET_QUERY, measured, SATURATION, warmUp, type Timing } from './overhead.js';

export interface LoggingData {
  rounds: number;
  /** CPU µs per request of each round, by LOG_LEVEL. */
  cpuUsPerRequest: { silent: number[]; info: number[] };
  /** Median of the rounds' info − silent differences. */
  infoCostUs: number;
}

export const LOGGING_TARGET_US = 50;

/**
 * Case 9: what the request log costs. Two assetfed servers alike but for LOG_LEVEL (silent, and info
 * writing its lines synchronously into /dev/null, as a server writes to its stdout), both with
 * metrics on; `asset(id)` at SATURATION in flight on each in turn, several rounds, so a busy moment
 * of the machine lands on both. The difference of CPU per request is the log's cost at info.
 */
export async function runLogging(bench: Bench, timing: Timing): Promise<CaseOutput<LoggingData>> {
  // Two fresh servers started together, so neither carries the heap and caches of earlier cases.
  const servers = { silent: await bench.assetfed('log-silent', { LOG_LEVEL: 'silent' }), info: await bench.assetfed('log-info', { LOG_LEVEL: 'info' }) };
  for (const server of Object.values(servers)) await warmUp(bench, server);
  const body = JSON.stringify({ query: ASSET_QUERY, variables: { id: bench.readyIds.UPLYNK } });
  const expectBody = (await gql(servers.silent.endpoint, ASSET_QUERY, { id: bench.readyIds.UPLYNK })).text;
  const rounds = bench.options.quick ? 2 : 4;
  const cpuUsPerRequest: LoggingData['cpuUsPerRequest'] = { silent: [], info: [] };
  for (let r = 0; r < rounds; r++) {
    for (const level of ['silent', 'info'] as const) {
      const server = servers[level];
      const run = (durationS: number) => graphqlLoad({ endpoint: server.endpoint, connections: SATURATION, durationS, body, expectBody });
      await run(timing.warmupS);
      const load = await bench.profiled(server, `logging-${level}-${r}`, () => measured(server, () => run(timing.durationS)));
      if (load.errors + load.non2xx + load.mismatches > 0) throw new Error(`logging ${level}: ${load.errors + load.non2xx + load.mismatches} failed responses`);
      cpuUsPerRequest[level].push(load.cpuUsPerRequest);
    }
  }
  await Promise.all([bench.release('log-silent'), bench.release('log-info')]);
  const differences = cpuUsPerRequest.info.map((us, i) => us - cpuUsPerRequest.silent[i]!).sort((a, b) => a - b);
  const infoCostUs = round(differences[differences.length >> 1]!, 1);
  return {
    name: 'logging',
    tables: [
      {
        title: `Case 9, logging: CPU per asset(id) request at ${SATURATION} in flight, LOG_LEVEL silent vs info (each round both, back to back)`,
        rows: [
          ['round', 'silent µs/req', 'info µs/req', 'info − silent'],
          ...cpuUsPerRequest.silent.map((us, i) => [i + 1, fmt(us, 0), fmt(cpuUsPerRequest.info[i]!, 0), fmt(cpuUsPerRequest.info[i]! - us, 0)]),
        ],
      },
    ],
    notes: [
      'info: one "request completed" line per request (pino, JSON, the line pass of src/observability/logger.ts), written synchronously to /dev/null.',
      `The log's cost at info: the median round's difference, ${fmt(infoCostUs, 1)} µs/request. Metrics (prom-client) are on in both.`,
    ],
    data: { rounds, cpuUsPerRequest, infoCostUs },
  };
}
