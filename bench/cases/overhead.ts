import type { ProviderName } from '../../src/providers/types.js';
import { signMessage } from '../../src/providers/uplynk/sign.js';
import type { Bench, ServerProcess } from '../lib/context.js';
import { gql, gqlOk, providerIdOf } from '../lib/gql.js';
import { autocannonLoad, graphqlLoad, undiciLoad, type DirectCall, type LoadResult } from '../lib/load.js';
import { fmt, type CaseOutput } from '../lib/report.js';
import { round } from '../lib/stats.js';

export const ASSET_QUERY = `query($id: ID!) { asset(id: $id) { id provider providerId name status createdAt } }`;

/** Connections (requests in flight) of each run: one client alone, moderate load, and saturation. */
export const LOADS = [1, 10, 64] as const;
export const SATURATION = 64;

export interface Timing {
  durationS: number;
  warmupS: number;
}

export interface ServerLoad extends LoadResult {
  /** CPU the server process used per successful request (user + system), in µs. */
  cpuUsPerRequest: number;
}

/** A load run against one of the bench's servers, with the server's CPU time per request. */
export async function measured(server: ServerProcess, run: () => Promise<LoadResult>): Promise<ServerLoad> {
  const before = await server.child.call<number>('cpu');
  const result = await run();
  const after = await server.child.call<number>('cpu');
  return { ...result, cpuUsPerRequest: Math.round((after - before) / Math.max(1, result.requests)) };
}

/**
 * A server's steady state is optimised code: before its first measured run, enough requests for V8 to
 * have compiled the hot paths (one client alone would otherwise be timed on cold code). Every server
 * the cases compare gets the same: assetfed's main server at start-up, a peer when it starts.
 */
export async function warmUp(bench: Bench, server: ServerProcess): Promise<void> {
  for (const provider of ['TWELVE_LABS', 'UPLYNK'] as const) {
    const body = JSON.stringify({ query: ASSET_QUERY, variables: { id: bench.readyIds[provider] } });
    await autocannonLoad({ url: server.endpoint, connections: 16, durationS: bench.options.quick ? 0.5 : 3, body });
  }
}

export interface OverheadRow {
  provider: ProviderName;
  connections: number;
  direct: LoadResult;
  assetfed: ServerLoad;
  addedP50Ms: number;
  /** assetfed's throughput over the direct call's. */
  rpsRatio: number;
}

/** The provider call assetfed makes for `asset(id)`, built as a direct client would (signed afresh each time). */
function directCall(bench: Bench, provider: ProviderName, id: string): { origin: string; next: () => DirectCall } {
  const p = bench.sandbox.providers;
  if (provider === 'TWELVE_LABS') {
    const base = new URL(p.TWELVE_LABS.baseUrl);
    const call: DirectCall = {
      method: 'GET',
      path: `${base.pathname}/assets?asset_ids=${encodeURIComponent(id)}&page_limit=50`,
      headers: { 'x-api-key': p.TWELVE_LABS.apiKey },
    };
    return { origin: base.origin, next: () => call };
  }
  if (provider === 'UPLYNK') {
    const base = new URL(p.UPLYNK.baseUrl);
    return {
      origin: base.origin,
      next: () => {
        const { msg, sig } = signMessage({ ids: [id] }, p.UPLYNK);
        return {
          method: 'POST',
          path: `${base.pathname.replace(/\/$/, '')}/api2/asset/get`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ msg, sig }).toString(),
        };
      },
    };
  }
  throw new Error(`no direct call for ${provider}`);
}

/**
 * Case 1: `asset(id)` through assetfed against the same provider call made straight to the sandbox
 * with undici (the limit: the provider's own latency and nothing else), at the same number of
 * requests in flight. Both see the sandbox's fixed latency; the difference is what assetfed adds.
 */
export async function runOverhead(bench: Bench, timing: Timing): Promise<CaseOutput<{ rows: OverheadRow[] }>> {
  const server = await bench.assetfed('main');
  const rows: OverheadRow[] = [];
  for (const provider of ['TWELVE_LABS', 'UPLYNK'] as const) {
    const globalId = bench.readyIds[provider];
    const id = providerIdOf(globalId);
    const body = JSON.stringify({ query: ASSET_QUERY, variables: { id: globalId } });
    // The exact answer, so a GraphQL error inside a 200 counts as a failure, not as a fast request.
    await gqlOk(server.endpoint, ASSET_QUERY, { id: globalId });
    const expectBody = (await gql(server.endpoint, ASSET_QUERY, { id: globalId })).text;
    const direct = directCall(bench, provider, id);
    for (const connections of LOADS) {
      const directRun = (durationS: number) =>
        undiciLoad({ origin: direct.origin, connections, durationS, next: direct.next, check: (text) => text.includes(id) });
      const viaAssetfed = (durationS: number) => graphqlLoad({ endpoint: server.endpoint, connections, durationS, body, expectBody });
      await directRun(timing.warmupS);
      const directResult = await directRun(timing.durationS);
      await viaAssetfed(timing.warmupS);
      const assetfed = await bench.profiled(server, `overhead-${provider}-c${connections}`, () => measured(server, () => viaAssetfed(timing.durationS)));
      rows.push({
        provider,
        connections,
        direct: directResult,
        assetfed,
        addedP50Ms: round(assetfed.p50Ms - directResult.p50Ms, 2),
        rpsRatio: round(assetfed.rps / directResult.rps, 2),
      });
    }
  }
  const failures = rows.reduce(
    (n, r) => n + r.direct.errors + r.direct.non2xx + r.direct.mismatches + r.assetfed.errors + r.assetfed.non2xx + r.assetfed.mismatches,
    0,
  );
  return {
    name: 'overhead',
    tables: [
      {
        title: `Case 1, overhead over the limit: asset(id) through assetfed vs the same provider call straight to the sandbox (undici); sandbox latency ${bench.options.latencyMs} ms`,
        rows: [
          [
            'provider',
            'in flight',
            'direct req/s',
            'direct p50',
            'direct p99',
            'assetfed req/s',
            'assetfed p50',
            'assetfed p99',
            'added p50 ms',
            'req/s ratio',
            'direct client CPU µs/req',
            'assetfed CPU µs/req',
          ],
          ...rows.map((r) => [
            r.provider,
            r.connections,
            fmt(r.direct.rps, 0),
            r.direct.p50Ms,
            r.direct.p99Ms,
            fmt(r.assetfed.rps, 0),
            r.assetfed.p50Ms,
            r.assetfed.p99Ms,
            r.addedP50Ms,
            r.rpsRatio,
            fmt(r.direct.clientCpuUsPerRequest ?? NaN, 0),
            fmt(r.assetfed.cpuUsPerRequest, 0),
          ]),
        ],
      },
    ],
    notes: [
      'Closed loop: "in flight" requests at all times, for the run\'s duration, after a warm-up of the same load.',
      'direct: an undici Pool with as many sockets as requests in flight, calling the sandbox exactly as assetfed does',
      '(Twelve Labs GET /assets?asset_ids=<id>&page_limit=50; Uplynk POST /api2/asset/get, signed per call).',
      'assetfed: the same undici client POSTing the query, so the client\'s own cost cancels out of "added" (autocannon',
      'times the direct call 0.3–0.45 ms faster than undici at 1 in flight; mixing the two would credit that to assetfed).',
      'CPU µs/req: CPU time (user + system, all threads) per request, of the bench process for the direct call (the undici',
      "client) and of the assetfed process for assetfed. At 1 in flight it is mostly the process's fixed background cost",
      '(timers, GC threads) spread over few requests: compare at 64.',
      `Failed or unexpected responses in all runs: ${failures}.`,
    ],
    data: { rows },
  };
}
