import { mkdirSync, writeFileSync } from 'node:fs';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { startSandbox } from '../src/sandbox/index.js';
import type { ProviderName } from '../src/providers/types.js';
import { assetIds } from '../test/helpers/ids.js';
import { postGraphQL } from '../test/helpers/harness.js';
import { measureNodes, type BatchingRow } from './cases/batching.js';
import { table } from './lib/stats.js';

/**
 * `npm run bench`: the sandbox with a fixed upstream latency (BENCH_LATENCY_MS, default 20), assetfed
 * with batching on and off, and the batching figures as a table on stdout and JSON in bench/results/.
 */
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);

async function startAssetfed(providers: Awaited<ReturnType<typeof startSandbox>>['providers'], batching: boolean) {
  const config = loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent', BATCHING: String(batching) });
  const app: App = await createApp(config, { sandbox: { providers } });
  return { app, endpoint: `${await app.start(0, '127.0.0.1')}/graphql` };
}

async function main(): Promise<void> {
  const sandbox = await startSandbox();
  const on = await startAssetfed(sandbox.providers, true);
  const off = await startAssetfed(sandbox.providers, false);
  const harness = { gql: (q: string, v?: Record<string, unknown>) => postGraphQL<any>(on.endpoint, q, v) };
  const pool: Record<string, string[]> = {
    UPLYNK: await assetIds(harness, 'UPLYNK', 2500),
    TWELVE_LABS: await assetIds(harness, 'TWELVE_LABS', 100),
  };
  for (const server of Object.values(sandbox.servers)) server.latencyMs = latencyMs;

  const cases: [ProviderName, number][] = [['UPLYNK', 1], ['UPLYNK', 100], ['UPLYNK', 1000], ['UPLYNK', 2500], ['TWELVE_LABS', 100]];
  const rows: BatchingRow[] = [];
  for (const [provider, n] of cases) {
    const ids = pool[provider]!.slice(0, n);
    rows.push(await measureNodes(on.endpoint, sandbox, provider, ids, true, n >= 1000 ? 10 : 30));
    rows.push(await measureNodes(off.endpoint, sandbox, provider, ids, false, n >= 1000 ? 3 : 10));
  }

  console.log(`\nnodes(ids): batching on vs off  (sandbox latency ${latencyMs} ms per upstream call)\n`);
  console.log(
    table([
      ['provider', 'ids', 'batching', 'runs', 'upstream calls', 'p50 ms', 'p99 ms'],
      ...rows.map((r) => [r.provider, r.ids, r.batching ? 'on' : 'off', r.runs, r.upstreamCallsPerQuery, r.p50Ms, r.p99Ms]),
    ]),
  );
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/batching-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ latencyMs, node: process.version, rows }, null, 2));
  console.log(`\nwritten to ${file}`);
  await Promise.all([on.app.stop(), off.app.stop()]);
  await sandbox.stop();
}

void main();
