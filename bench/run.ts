import { cpus, loadavg } from 'node:os';
import { runBatching, type BatchingRow, providerMinimum } from './cases/batching.js';
import { runCeiling, type CeilingRow } from './cases/ceiling.js';
import { COST_TARGET_US, runCost, type CostData } from './cases/cost.js';
import { runConcurrent, type ConcurrentRow } from './cases/concurrent.js';
import { LOGGING_TARGET_US, runLogging, type LoggingData } from './cases/logging.js';
import { runMemory, type MemoryData } from './cases/memory.js';
import { runNaive } from './cases/naive.js';
import { ASSET_QUERY, runOverhead, SATURATION, warmUp, type OverheadRow, type Timing } from './cases/overhead.js';
import { runSubscriptions, type SubscriptionsData } from './cases/subscriptions.js';
import { Bench } from './lib/context.js';
import { assetIds, gqlOk } from './lib/gql.js';
import { hotSpots, inclusive } from './lib/profile.js';
import { fmt, printCase, writeResult, type CaseOutput, type Target } from './lib/report.js';
import { table } from './lib/stats.js';

/**
 * `npm run bench`: the sandbox (fixed upstream latency, BENCH_LATENCY_MS, default 20 ms), assetfed and
 * the peers (naive, Apollo Server 4) each in a child process, load from this one; a table per case on
 * stdout, JSON per case in bench/results/, and the targets as PASS/FAIL at the end.
 *
 * BENCH_CASES=overhead,ceiling runs a subset; BENCH_QUICK=1 is a smoke run of a few seconds per case;
 * BENCH_PROFILE=1 records a CPU profile of assetfed (and of the Apollo peer) under each load and prints
 * its hot spots; BENCH_RUNTIME=tsx runs assetfed's and the Apollo peer's TypeScript through tsx instead
 * of the compiled build.
 */
const CASES = ['overhead', 'ceiling', 'batching', 'concurrent', 'naive', 'subscriptions', 'memory', 'cost', 'logging'] as const;
type CaseName = (typeof CASES)[number];

const quick = ['1', 'true', 'yes'].includes(process.env.BENCH_QUICK ?? '');
const profile = ['1', 'true', 'yes'].includes(process.env.BENCH_PROFILE ?? '');
const runtime = (process.env.BENCH_RUNTIME ?? 'compiled') as 'compiled' | 'tsx';
if (runtime !== 'compiled' && runtime !== 'tsx') {
  console.error('BENCH_RUNTIME must be compiled or tsx');
  process.exit(2);
}
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
const selected = (process.env.BENCH_CASES ?? CASES.join(','))
  .split(',')
  .map((c) => c.trim())
  .filter(Boolean);
for (const name of selected) {
  if (!(CASES as readonly string[]).includes(name)) {
    console.error(`BENCH_CASES: unknown case "${name}" (one of ${CASES.join(', ')})`);
    process.exit(2);
  }
}
if (!Number.isFinite(latencyMs) || latencyMs < 0) {
  console.error('BENCH_LATENCY_MS must be a non-negative number');
  process.exit(2);
}
const timing: Timing = quick ? { durationS: 2, warmupS: 0.5 } : { durationS: 6, warmupS: 2 };

async function prepare(bench: Bench): Promise<void> {
  // Ids are read with no added latency (25 list pages of Uplynk), then the latency is set for the cases.
  const main = await bench.assetfed('main');
  bench.ids.UPLYNK = await assetIds(main.endpoint, 'UPLYNK', 2500);
  bench.ids.TWELVE_LABS = await assetIds(main.endpoint, 'TWELVE_LABS', 100);
  for (const provider of ['UPLYNK', 'TWELVE_LABS'] as const) {
    for (const id of bench.ids[provider]) {
      const data = await gqlOk(main.endpoint, ASSET_QUERY, { id });
      if (data.asset?.status === 'READY') {
        bench.readyIds[provider] = id;
        break;
      }
    }
    if (!bench.readyIds[provider]) throw new Error(`no READY ${provider} asset in the sandbox`);
  }
  await bench.sandbox.setLatency(latencyMs);
  await warmUp(bench, main);
}

function targets(results: Partial<Record<CaseName, CaseOutput<any>>>): Target[] {
  const list: Target[] = [];
  const overhead = results.overhead?.data.rows as OverheadRow[] | undefined;
  const ceiling = results.ceiling?.data.rows as CeilingRow[] | undefined;
  if (overhead) {
    const light = overhead.filter((r) => r.connections < SATURATION);
    list.push({
      target: 'added p50 over the direct call',
      goal: '≤ 1 ms',
      measured: light.map((r) => `${r.provider} @${r.connections}: +${r.addedP50Ms} ms`).join('; '),
      pass: light.every((r) => r.addedP50Ms <= 1),
    });
  }
  if (overhead && ceiling) {
    const top = ceiling.find((r) => r.connections === SATURATION)!;
    const saturated = overhead.filter((r) => r.connections === SATURATION);
    list.push({
      target: 'asset(id) throughput vs { __typename } ceiling',
      goal: '≥ 50% (same server, same in flight)',
      measured: saturated.map((r) => `${r.provider}: ${fmt(r.assetfed.rps, 0)} / ${fmt(top.rps, 0)} = ${fmt((100 * r.assetfed.rps) / top.rps, 0)}%`).join('; '),
      pass: saturated.every((r) => r.assetfed.rps >= top.rps / 2),
    });
  }
  const batching = results.batching?.data.rows as BatchingRow[] | undefined;
  if (batching) {
    const on = batching.filter((r) => r.batching);
    list.push({
      target: 'nodes batching at the provider minimum of calls',
      goal: 'calls / query = ⌈ids ÷ batch size⌉',
      measured: on.map((r) => `${r.provider} ${r.ids}: ${r.upstreamCallsPerQuery}/${providerMinimum(r.provider, r.ids)}`).join('; '),
      pass: on.every((r) => r.upstreamCallsPerQuery === providerMinimum(r.provider, r.ids)),
    });
  }
  const concurrentRows = results.concurrent?.data.rows as ConcurrentRow[] | undefined;
  const concurrent = concurrentRows?.filter((r) => r.server === 'assetfed');
  if (concurrent) {
    const open = concurrent.filter((r) => r.rateLimit === 'none');
    list.push({
      target: `upstream calls per request at ${SATURATION} in flight`,
      goal: '≤ 0.1 distinct ids, ≤ 0.05 one id',
      measured: open.map((r) => `${r.provider} ${r.ids} ids: ${r.upstreamCallsPerRequest}`).join('; '),
      pass: open.every((r) => r.upstreamCallsPerRequest <= (r.ids === 1 ? 0.05 : 0.1)),
    });
    const quota = concurrent.filter((r) => r.rateLimit !== 'none');
    list.push({
      target: 'asset(id) throughput under UPSTREAM_RATE_LIMIT=UPLYNK=20',
      goal: '≥ 300 req/s',
      measured: quota.map((r) => `${r.ids} ids: ${fmt(r.rps, 0)} req/s`).join('; '),
      pass: quota.length > 0 && quota.every((r) => r.rps >= 300),
    });
  }
  if (concurrentRows) list.push(apolloPeerTarget(concurrentRows));
  const subs = results.subscriptions?.data as SubscriptionsData | undefined;
  if (subs) {
    list.push({
      target: 'subscription polling at the provider minimum of calls',
      goal: `${subs.callsPerTick.minimum} per tick`,
      measured: `${subs.callsPerTick.mean} per tick (${subs.callsPerTick.min}–${subs.callsPerTick.max})`,
      pass: subs.callsPerTick.min === subs.callsPerTick.minimum && subs.callsPerTick.max === subs.callsPerTick.minimum,
    });
    list.push({
      target: 'memory per subscriber (issue #16: no worse than before shared execution)',
      goal: '≤ 16.7 KB (RSS delta ÷ subscribers)',
      measured: `${fmt(subs.bytesPerSubscriber.rss / 1024)} KB RSS, ${fmt(subs.bytesPerSubscriber.heapUsed / 1024)} KB heap`,
      pass: subs.bytesPerSubscriber.rss <= 16.7 * 1024,
    });
    list.push({
      target: `poll that sees a change → last of ${fmt(subs.subscribers, 0)} subscribers (issue #16)`,
      goal: '≤ 150 ms',
      measured: `${fmt(subs.delivery.delayFromSeenMs.last, 0)} ms (first ${fmt(subs.delivery.delayFromSeenMs.first, 0)}, median ${fmt(subs.delivery.delayFromSeenMs.p50, 0)})`,
      pass: subs.delivery.delayFromSeenMs.last <= 150,
    });
  }
  const memory = results.memory?.data as MemoryData | undefined;
  if (memory) {
    const first = memory.samples[1]!;
    list.push({
      target: 'no memory growth under load (bench check, not in the issue)',
      goal: 'heap after GC: last slice within 10% of the first',
      measured: `${first.heapAfterGcMb} → ${memory.samples.at(-1)!.heapAfterGcMb} MB heap; RSS ${first.rssMb} → ${memory.samples.at(-1)!.rssMb} MB`,
      pass: memory.heapAfterGcGrowthMb <= first.heapAfterGcMb * 0.1,
    });
  }
  const cost = results.cost?.data as CostData | undefined;
  if (cost) {
    list.push({
      target: 'cost model overhead per request (issue #17)',
      goal: `≤ ${COST_TARGET_US} µs`,
      measured: cost.rows.map((r) => `${r.operation}: ${fmt(r.overheadUs, 1)} µs`).join('; '),
      pass: cost.worstUs <= COST_TARGET_US,
    });
  }
  const logging = results.logging?.data as LoggingData | undefined;
  if (logging) {
    list.push({
      target: 'request log cost at LOG_LEVEL=info (issue #16)',
      goal: `≤ ${LOGGING_TARGET_US} µs/request`,
      measured: `${fmt(logging.infoCostUs, 1)} µs/request (median of ${logging.rounds} rounds, info − silent CPU)`,
      pass: logging.infoCostUs <= LOGGING_TARGET_US,
    });
  }
  return list;
}

/** assetfed against the hand-written Apollo Server 4 peer: distinct Uplynk ids, no rate limit, SATURATION in flight. */
function apolloPeerTarget(rows: ConcurrentRow[]): Target {
  const pick = (server: ConcurrentRow['server']) =>
    rows.find((r) => r.server === server && r.provider === 'UPLYNK' && r.rateLimit === 'none' && r.ids > 1 && r.connections === SATURATION);
  const ours = pick('assetfed');
  const peer = pick('apollo-peer');
  const target = `assetfed vs Apollo Server 4 peer, distinct Uplynk ids at ${SATURATION} in flight`;
  const goal = 'CPU µs/req ≤ 0.7× peer, req/s ≥ 1.3× peer';
  if (!ours || !peer) return { target, goal, measured: 'not measured', pass: false };
  const cpuRatio = ours.cpuUsPerRequest / Math.max(1, peer.cpuUsPerRequest);
  const rpsRatio = ours.rps / Math.max(1, peer.rps);
  return {
    target,
    goal,
    measured:
      `CPU ${fmt(ours.cpuUsPerRequest, 0)} vs ${fmt(peer.cpuUsPerRequest, 0)} µs/req (${fmt(cpuRatio, 2)}×); ` +
      `${fmt(ours.rps, 0)} vs ${fmt(peer.rps, 0)} req/s (${fmt(rpsRatio, 2)}×)`,
    pass: cpuRatio <= 0.7 && rpsRatio >= 1.3,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const load = loadavg()[0]!;
  console.log(
    `assetfed bench: ${selected.join(', ')}${quick ? ' (BENCH_QUICK: smoke run, figures not to quote)' : ''}\n` +
      `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), sandbox latency ${latencyMs} ms, assetfed ${runtime}, load average ${load.toFixed(2)}`,
  );
  if (load > 1) console.log(`warning: the machine was already busy (load average ${load.toFixed(2)}): figures will be lower and noisier`);
  const bench = await Bench.start({ quick, latencyMs, profile, runtime });
  const results: Partial<Record<CaseName, CaseOutput<any>>> = {};
  try {
    await prepare(bench);
    const runners: Record<CaseName, () => Promise<CaseOutput<any>>> = {
      overhead: () => runOverhead(bench, timing),
      ceiling: () => runCeiling(bench, timing),
      batching: () => runBatching(bench),
      concurrent: () => runConcurrent(bench, timing),
      naive: () => runNaive(bench),
      subscriptions: () => runSubscriptions(bench),
      memory: () => runMemory(bench),
      cost: () => runCost(bench, quick),
      logging: () => runLogging(bench, timing),
    };
    for (const name of CASES.filter((c) => selected.includes(c))) {
      const caseStarted = performance.now();
      const loadBefore = loadavg()[0]!;
      const output = await runners[name]();
      results[name] = output;
      printCase(output);
      const file = writeResult(name, {
        case: name,
        at: new Date().toISOString(),
        node: process.version,
        cores: cpus().length,
        latencyMs,
        quick,
        loadAverage: { before: loadBefore, after: loadavg()[0] },
        seconds: Math.round((performance.now() - caseStarted) / 100) / 10,
        ...output.data,
      });
      console.log(`\n  (${file}, ${Math.round((performance.now() - caseStarted) / 1000)} s)`);
    }
  } finally {
    await bench.stop();
  }

  const list = targets(results);
  if (list.length > 0) {
    console.log('\nTargets\n');
    console.log(table([['target', 'goal', 'measured', 'result'], ...list.map((t) => [t.target, t.goal, t.measured, t.pass ? 'PASS' : 'FAIL'])]));
  }
  for (const { label, file } of bench.profiles) {
    const spots = hotSpots(file, 12);
    const who = label.includes('apollo-peer') ? 'the Apollo Server 4 peer' : 'assetfed';
    console.log(`\nCPU profile of ${who}, ${label} (${file}): ${fmt(spots.totalMs, 0)} ms busy, ${fmt(spots.idleMs, 0)} ms idle\n`);
    console.log(table([['self %', 'self ms', 'where (package or file)'], ...spots.origins.map((s) => [s.selfPct, s.selfMs, s.name])]));
    console.log('');
    console.log(table([['self %', 'self ms', 'function'], ...spots.functions.map((s) => [s.selfPct, s.selfMs, s.name])]));
    console.log('');
    console.log(
      table([['incl. %', 'incl. ms', 'part (callees included; a lower bound across awaits)'], ...inclusive(file).map((g) => [g.pct, g.ms, g.group])]),
    );
  }
  console.log(`\nwall time ${Math.round((performance.now() - started) / 1000)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
