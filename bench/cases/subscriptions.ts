import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { PROFILE_DIR, type Bench, type CallRecord, type Memory } from '../lib/context.js';
import { globalIdOf } from '../lib/gql.js';
import { fmt, type CaseOutput } from '../lib/report.js';
import { percentile, round } from '../lib/stats.js';
import { providerMinimum } from './batching.js';

const WATCH = `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id status } }`;
export const POLL_INTERVAL_MS = 1000;

const now = () => performance.timeOrigin + performance.now();

interface Subscriber {
  statuses: string[];
  readyAt: number;
  completed: boolean;
  failed: unknown;
}

export interface SubscriptionsData {
  subscribers: number;
  assets: number;
  sockets: number;
  pollIntervalMs: number;
  memoryBefore: Memory;
  memoryAfter: Memory;
  bytesPerSubscriber: { rss: number; heapUsed: number; heapAndExternal: number };
  callsPerTick: { mean: number; min: number; max: number; ticks: number; minimum: number };
  delivery: {
    settledAt: number;
    seenFirstAt: number;
    seenLastAt: number;
    pollWaitMs: number;
    delayFromSeenMs: { first: number; p50: number; p99: number; last: number };
  };
  anomalies: number;
  callsAfterCompletion: number;
  subscribeSeconds: number;
}

/** Calls grouped into poll ticks: a gap longer than half an interval starts a new tick. */
function ticks(calls: CallRecord[], intervalMs: number): CallRecord[][] {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const groups: CallRecord[][] = [];
  for (const call of sorted) {
    const group = groups.at(-1);
    if (group && call.start - group.at(-1)!.start < intervalMs / 2) group.push(call);
    else groups.push([call]);
  }
  return groups;
}

async function until(what: string, timeoutMs: number, done: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * Case 5: subscribers on one instance, each watching one asset (10 per asset), over a few hundred
 * graphql-ws sockets. The assets are Twelve Labs URL uploads held PROCESSING by the sandbox until the
 * bench turns them all READY at one moment, so the whole fan-out is measured at once.
 */
export async function runSubscriptions(bench: Bench): Promise<CaseOutput<SubscriptionsData>> {
  const quick = bench.options.quick;
  const assets = quick ? 100 : 1000;
  const subscribers = quick ? 1000 : 10_000;
  const sockets = quick ? 20 : 200;
  const perSocket = subscribers / sockets;
  const server = await bench.assetfed('live', { POLL_INTERVAL_MS: String(POLL_INTERVAL_MS) });
  const wsUrl = `${server.url.replace(/^http/, 'ws')}/graphql`;
  const client = (): Client => createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });

  const providerIds = await bench.sandbox.tlUploads(assets);
  const ids = providerIds.map((id) => globalIdOf('TwelveLabsAsset', id));

  // Warm-up: one watch of an asset already READY (its first event completes it), so the baseline
  // below already holds compiled code, the socket server and the schema's caches.
  const warm = client();
  await new Promise<void>((resolve, reject) =>
    warm.subscribe({ query: WATCH, variables: { ids: [bench.readyIds.TWELVE_LABS] } }, { next: () => {}, error: reject, complete: resolve }),
  );
  await warm.dispose();
  await sleep(200);
  const memoryBefore = await server.memory(true);

  const started = now();
  const clients = Array.from({ length: sockets }, client);
  const subs: Subscriber[] = [];
  for (let i = 0; i < subscribers; i++) {
    const sub: Subscriber = { statuses: [], readyAt: NaN, completed: false, failed: undefined };
    subs.push(sub);
    clients[Math.floor(i / perSocket)]!.subscribe<{ assetStatusChanged: { status: string } }>(
      { query: WATCH, variables: { ids: [ids[i % assets]] } },
      {
        next: (result) => {
          const status = result.data?.assetStatusChanged.status ?? `error: ${JSON.stringify(result.errors)}`;
          if (status === 'READY') sub.readyAt = now();
          sub.statuses.push(status);
        },
        error: (error) => (sub.failed = error),
        complete: () => (sub.completed = true),
      },
    );
  }
  await until("every subscriber's first event", 180_000, () => subs.every((s) => s.statuses.length > 0 || s.failed));
  const subscribeSeconds = round((now() - started) / 1000, 1);
  const failedEarly = subs.filter((s) => s.failed).length;
  if (failedEarly > 0) throw new Error(`${failedEarly} subscriptions failed: ${String(subs.find((s) => s.failed)!.failed)}`);
  const stats = await server.live();
  if (stats.subscribers !== subscribers || stats.watchedAssets !== assets) {
    throw new Error(`live stats ${JSON.stringify(stats)}, expected ${subscribers} subscribers on ${assets} assets`);
  }
  await sleep(200);
  const memoryAfter = await server.memory(true);
  if (bench.options.profile) {
    const file = `${PROFILE_DIR}/subscriptions-${new Date().toISOString().replace(/[:.]/g, '-')}.heapsnapshot`;
    console.error(`heap snapshot with ${subscribers} subscribers: ${await server.child.call<string>('heapSnapshot', { file })}`);
  }

  // Upstream calls per tick, over a few whole ticks (the first and last groups may be cut by the window).
  const windowStart = now();
  await sleep((quick ? 3 : 6) * POLL_INTERVAL_MS + POLL_INTERVAL_MS / 2);
  const groups = ticks(await bench.sandbox.callLog('TWELVE_LABS', windowStart, 'GET /assets'), POLL_INTERVAL_MS).slice(1, -1);
  const sizes = groups.map((g) => g.length);

  // The change: every asset READY at once; then the tick that sees it, and every subscriber's READY.
  const { at: settledAt } = await bench.profiled(server, 'subscriptions-fanout', async () => {
    const settled = await bench.sandbox.tlSettle(providerIds);
    await until("every subscriber's READY and completion", 60_000, () => subs.every((s) => s.completed || s.failed));
    return settled;
  });
  const seen = ticks(await bench.sandbox.callLog('TWELVE_LABS', settledAt, 'GET /assets'), POLL_INTERVAL_MS)[0] ?? [];
  const seenFirstAt = Math.min(...seen.map((c) => c.end));
  const seenLastAt = Math.max(...seen.map((c) => c.end));
  const received = subs.map((s) => s.readyAt - seenLastAt);
  const anomalies = subs.filter((s) => s.failed || s.statuses.join() !== 'PROCESSING,READY').length;

  // Everyone has gone: the assets must no longer be polled.
  const afterStart = now();
  await sleep(2 * POLL_INTERVAL_MS + 200);
  const callsAfterCompletion = (await bench.sandbox.callLog('TWELVE_LABS', afterStart, 'GET /assets')).length;
  await Promise.all(clients.map((c) => c.dispose()));
  await bench.release('live');

  const per = (key: (m: Memory) => number) => Math.round((key(memoryAfter) - key(memoryBefore)) / subscribers);
  const data: SubscriptionsData = {
    subscribers,
    assets,
    sockets,
    pollIntervalMs: POLL_INTERVAL_MS,
    memoryBefore,
    memoryAfter,
    bytesPerSubscriber: {
      rss: per((m) => m.rss),
      heapUsed: per((m) => m.heapUsed),
      heapAndExternal: per((m) => m.heapUsed + m.external),
    },
    callsPerTick: {
      mean: round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length), 2),
      min: Math.min(...sizes),
      max: Math.max(...sizes),
      ticks: sizes.length,
      minimum: providerMinimum('TWELVE_LABS', assets),
    },
    delivery: {
      settledAt,
      seenFirstAt,
      seenLastAt,
      pollWaitMs: round(seenLastAt - settledAt),
      delayFromSeenMs: {
        first: round(Math.min(...received)),
        p50: round(percentile(received, 50)),
        p99: round(percentile(received, 99)),
        last: round(Math.max(...received)),
      },
    },
    anomalies,
    callsAfterCompletion,
    subscribeSeconds,
  };
  const kb = (bytes: number) => fmt(bytes / 1024, 1);
  const d = data.delivery.delayFromSeenMs;
  return {
    name: 'subscriptions',
    tables: [
      {
        title: `Case 5, subscriptions: ${fmt(subscribers, 0)} graphql-ws subscribers (${sockets} sockets × ${perSocket}) over ${fmt(assets, 0)} Twelve Labs assets, one instance, POLL_INTERVAL_MS ${POLL_INTERVAL_MS}`,
        rows: [
          ['measure', 'value'],
          ['memory per subscriber, RSS', `${kb(data.bytesPerSubscriber.rss)} KB`],
          ['memory per subscriber, JS heap', `${kb(data.bytesPerSubscriber.heapUsed)} KB`],
          ['memory per subscriber, heap + external', `${kb(data.bytesPerSubscriber.heapAndExternal)} KB`],
          ['assetfed RSS before → after subscribing', `${fmt(memoryBefore.rss / 2 ** 20)} → ${fmt(memoryAfter.rss / 2 ** 20)} MB`],
          ['time to subscribe all (first event each)', `${subscribeSeconds} s`],
          [
            'upstream calls per tick (mean, min–max)',
            `${data.callsPerTick.mean} (${data.callsPerTick.min}–${data.callsPerTick.max}) over ${data.callsPerTick.ticks} ticks`,
          ],
          ['provider minimum per tick', `${data.callsPerTick.minimum} (asset_ids, 50 a call)`],
          ['change → poll that sees it', `${data.delivery.pollWaitMs} ms (waiting for the next tick)`],
          ["the poll's first → last page answered", `${round(seenLastAt - seenFirstAt)} ms`],
          ['poll sees it → first subscriber', `${d.first} ms`],
          ['poll sees it → median subscriber', `${d.p50} ms`],
          ['poll sees it → p99 subscriber', `${d.p99} ms`],
          ['poll sees it → last subscriber', `${d.last} ms`],
          ['subscribers with other than PROCESSING, READY, complete', anomalies],
          ['upstream calls in 2 ticks after all completed', callsAfterCompletion],
        ],
      },
    ],
    notes: [
      'Memory: process.memoryUsage() of the assetfed child after two forced GCs, before the sockets open and once every',
      'subscriber has its first event; the difference divided by subscribers (sockets and their buffers included).',
      'Calls per tick: GET /assets calls the Twelve Labs sandbox logged, grouped into ticks by the gaps between them.',
      'Delay: the sandbox turns every asset READY at one moment; the poll that sees it is the first tick whose calls were',
      'answered after that moment, and it has seen the change when its last page is answered (sandbox clock). Each',
      "subscriber's READY is timed when the bench's client receives it (bench clock; same machine, epoch ms from",
      "performance.timeOrigin). The delay covers assetfed's diff, publish, fan-out, serialisation and the sockets, and",
      `the bench process's own parsing of ${fmt(subscribers, 0)} messages, which competes for the same two cores.`,
    ],
    data,
  };
}
