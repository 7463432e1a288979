import { type ExecutionArgs, type ExecutionResult, parse, validate } from 'graphql';
import { buildSchema } from '../../resolvers/schema.js';
import { createCallerAuth } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config/index.js';
import { createMemoryBucket } from '../../src/cost/bucket.js';
import { createCallerOf } from '../../src/cost/caller.js';
import { estimateCost } from '../../src/cost/estimate.js';
import { useCost } from '../../src/plugins/use-cost.js';
import { createApp } from '../../src/server/app.js';
import type { Bench } from '../lib/context.js';
import { fmt, type CaseOutput } from '../lib/report.js';
import { round } from '../lib/stats.js';
import { decodeAssetId } from '../../schema/ids.js';
import { ASSET_QUERY } from './overhead.js';
import { NODES_QUERY } from './batching.js';

export interface CostRow {
  operation: string;
  requestedQueryCost: number;
  /** estimateCost alone, µs per request. */
  estimateUs: number;
  /** All use-cost adds to one request: estimate, caller, bucket take, meter, settlement, extensions.cost. */
  overheadUs: number;
}

export interface CostData {
  iterations: number;
  rows: CostRow[];
  worstUs: number;
}

export const COST_TARGET_US = 20;

const PAGE_QUERY = 'query { assets(provider: UPLYNK, first: 20) { edges { node { id name status provider } } pageInfo { hasNextPage } } }';
const NESTED_QUERY = `query { projects(first: 10) { edges { node { id name assets(first: 10) { edges { node { id name status } } } } } } }`;

type Hooks = { onExecuteDone(payload: { result: ExecutionResult; setResult(r: ExecutionResult): void }): Promise<void> | void };

/**
 * Case 8: what the cost model (src/plugins/use-cost.ts) adds to one request, in process on
 * assetfed's real schema and providers' prices: the plugin's onExecute (estimate, caller, in-memory
 * bucket take, the meter around execution) and onExecuteDone (refund, extensions.cost), around an
 * execution that only decodes the request's global ids (as its resolvers would). The same loop with
 * that execute alone is subtracted, so what is left is the plugin's own work; yoga, parsing,
 * validation and the rest of the resolvers are not in it.
 */
export async function runCost(bench: Bench, quick: boolean): Promise<CaseOutput<CostData>> {
  const config = loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent' });
  const app = await createApp(config, { sandbox: { providers: bench.sandbox.providers } });
  try {
    const schema = await buildSchema();
    const bucket = createMemoryBucket({ capacity: 1e12, restoreRate: 1e9 });
    const callerOf = createCallerOf(createCallerAuth({ apiTokens: [], anonymous: true }), undefined);
    const plugin = useCost({ maxQueryCost: config.cost.maxQueryCost, bucket, callerOf, providers: app.providers, batching: config.batching }) as any;
    // Requests' ids rotate through the bench's 2,500 Uplynk ids, as distinct callers' would.
    const pool = bench.ids.UPLYNK;
    const window = (n: number) => Array.from({ length: Math.floor(pool.length / n) }, (_, i) => ({ ids: pool.slice(i * n, (i + 1) * n) }));
    const operations: [string, string, Record<string, unknown>[]][] = [
      ['asset(id)', ASSET_QUERY, pool.map((id) => ({ id }))],
      ['nodes, 20 ids', NODES_QUERY, window(20)],
      ['nodes, 100 ids', NODES_QUERY, window(100)],
      ['assets page of 20', PAGE_QUERY, [{}]],
      ['projects × assets (nested lists)', NESTED_QUERY, [{}]],
    ];
    const iterations = quick ? 3000 : 30000;
    const rows: CostRow[] = [];
    for (const [operation, query, variables] of operations) {
      const document = parse(query);
      const errors = validate(schema, document);
      if (errors.length > 0) throw new Error(`${operation}: ${errors[0]!.message}`);
      let n = 0;
      const args = (): ExecutionArgs => ({
        schema,
        document,
        variableValues: variables[n++ % variables.length]!,
        contextValue: { request: new Request('http://127.0.0.1/graphql', { method: 'POST' }), log: app.logger },
      });
      // The resolvers' share of the work the estimate also does: decoding the request's global ids.
      const executeFn = async (a: ExecutionArgs) => {
        const v = a.variableValues as { id?: string; ids?: string[] };
        for (const id of v.ids ?? (v.id ? [v.id] : [])) decodeAssetId(id);
        return { data: {} } as ExecutionResult;
      };
      let last: ExecutionResult | undefined;
      const withPlugin = async () => {
        const a = args();
        let run: (a: ExecutionArgs) => Promise<ExecutionResult> = executeFn;
        const hooks = (await plugin.onExecute({
          args: a,
          executeFn,
          setExecuteFn: (f: typeof run) => {
            run = f;
          },
          setResultAndStopExecution: (r: ExecutionResult) => {
            throw new Error(`refused: ${JSON.stringify(r.errors)}`);
          },
        })) as Hooks;
        const result = await run(a);
        await hooks.onExecuteDone({
          result,
          setResult: (r) => {
            last = r;
          },
        });
      };
      const bare = async () => {
        await executeFn(args());
      };
      const estimate = async () => {
        const a = args();
        await executeFn(a);
        estimateCost({ schema, document, variables: a.variableValues }, { providers: app.providers, batching: config.batching });
      };
      // µs per call of f, over one round of `iterations`.
      const timed = async (f: () => Promise<void>) => {
        const start = process.hrtime.bigint();
        for (let i = 0; i < iterations; i++) await f();
        return Number(process.hrtime.bigint() - start) / 1000 / iterations;
      };
      // Warm-up first (optimised code, as a server's steady state); then each round times the three
      // loops back to back, so a busy moment of the machine lands on all three of a round, and the
      // differences of the median round are kept.
      for (const f of [bare, withPlugin, estimate]) await timed(f);
      const rounds: { overhead: number; estimate: number }[] = [];
      for (let r = 0; r < 7; r++) {
        const base = await timed(bare);
        const plugin = await timed(withPlugin);
        rounds.push({ overhead: plugin - base, estimate: (await timed(estimate)) - base });
      }
      const median = (values: number[]) => values.sort((x, y) => x - y)[values.length >> 1]!;
      const overheadUs = median(rounds.map((r) => r.overhead));
      const estimateUs = median(rounds.map((r) => r.estimate));
      const cost = (last?.extensions as { cost?: { requestedQueryCost: number } } | undefined)?.cost;
      if (!cost) throw new Error(`${operation}: no extensions.cost`);
      rows.push({ operation, requestedQueryCost: cost.requestedQueryCost, estimateUs: round(estimateUs, 2), overheadUs: round(overheadUs, 2) });
    }
    const worstUs = Math.max(...rows.map((r) => r.overheadUs));
    return {
      name: 'cost',
      tables: [
        {
          title: 'Case 8, the cost model: what use-cost adds to one request (in process, µs/request, median of 7 rounds)',
          rows: [
            ['operation', 'requestedQueryCost', 'estimate µs', 'use-cost total µs'],
            ...rows.map((r) => [r.operation, r.requestedQueryCost, fmt(r.estimateUs, 2), fmt(r.overheadUs, 2)]),
          ],
        },
      ],
      notes: [
        `${iterations} requests per loop after as many to warm up; each of 7 rounds runs the bare loop (a new context, an execute that decodes the request's ids and returns), the plugin's and the estimate's back to back, and subtracts the bare one; the median round's differences.`,
        'use-cost total: onExecute (estimate, caller, in-memory bucket take, the meter around execute) and onExecuteDone (refund, extensions.cost).',
        "The estimate reads each global id's type from its first characters (schema/ids.ts typenameOfGlobalId); the resolvers decode them, in the bare loop too.",
      ],
      data: { iterations, rows, worstUs },
    };
  } finally {
    await app.stop();
  }
}
