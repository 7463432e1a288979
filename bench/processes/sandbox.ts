import { startSandbox } from '../../sandbox/index.js';
import { SANDBOX_CREDENTIALS } from '../../sandbox/credentials.js';
import type { ProviderName } from '../../src/providers/types.js';
import { announce, cpu, exitSoon, memory, serveRpc } from './rpc.js';

/**
 * The bench's upstream: the four sandbox providers in a process of their own, so the CPU they use
 * is not taken from assetfed's event loop or the load generator's. Ports are free ones unless
 * BENCH_SANDBOX_PORT fixes them (base, base+1, base+2, base+3). Latency starts at 0 so the bench
 * can read ids quickly, and is set to BENCH_LATENCY_MS through `setLatency` before measuring.
 */
const base = Number(process.env.BENCH_SANDBOX_PORT ?? 0);
const ports = base > 0 ? { VIDEO_JUNGLE: base, UPLYNK: base + 1, TWELVE_LABS: base + 2, RUNWAY: base + 3 } : undefined;
const sandbox = await startSandbox(ports ? { ports } : {});
const servers = Object.entries(sandbox.servers) as [ProviderName, (typeof sandbox.servers)[ProviderName]][];
/** performance.now() of this process as epoch ms, comparable with the other processes' clocks. */
const epoch = (t: number) => performance.timeOrigin + t;

serveRpc({
  setLatency({ ms }: { ms: number }) {
    for (const [, server] of servers) server.latencyMs = ms;
  },
  counters() {
    return Object.fromEntries(servers.map(([name, s]) => [name, { total: s.calls(), byEndpoint: s.callsByEndpoint() }]));
  },
  reset() {
    sandbox.resetCounters();
  },
  /** Calls one provider received since `since` (epoch ms), with epoch start and end times. */
  callLog({ provider, endpoint, since }: { provider: ProviderName; endpoint?: string; since: number }) {
    return sandbox.servers[provider]
      .callLog(endpoint)
      .map((c) => ({ endpoint: c.endpoint, start: epoch(c.start), end: epoch(c.end) }))
      .filter((c) => c.end >= since);
  },
  /**
   * `count` Twelve Labs URL uploads through the sandbox's own POST /assets, which stay PROCESSING
   * until `tlSettle`: the subscriptions case needs assets that change at a moment it chooses.
   */
  async tlUploads({ count }: { count: number }) {
    const store = sandbox.stores.TWELVE_LABS;
    const previous = store.uploadDelayMs;
    store.uploadDelayMs = Number.POSITIVE_INFINITY;
    const ids: string[] = new Array(count);
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const form = new FormData();
        form.set('method', 'url');
        form.set('url', `https://media.example/bench/${Date.now()}-${i}.mp4`);
        const res = await fetch(`${sandbox.providers.TWELVE_LABS.baseUrl}/assets`, {
          method: 'POST',
          headers: { 'x-api-key': SANDBOX_CREDENTIALS.TWELVE_LABS.apiKey },
          body: form,
        });
        if (res.status !== 201) throw new Error(`upload ${i}: HTTP ${res.status} ${await res.text()}`);
        ids[i] = ((await res.json()) as { _id: string })._id;
      }
    };
    try {
      await Promise.all(Array.from({ length: 32 }, worker));
    } finally {
      store.uploadDelayMs = previous;
    }
    return ids;
  },
  /** Turns the given uploads READY now; returns that moment (epoch ms). */
  tlSettle({ ids }: { ids: string[] }) {
    const now = Date.now();
    for (const id of ids) sandbox.stores.TWELVE_LABS.settleAt(id, now);
    return { at: epoch(performance.now()) };
  },
  memory,
  cpu,
  async stop() {
    await sandbox.stop();
    exitSoon();
  },
});

const urls = Object.fromEntries(servers.map(([name, s]) => [name, s.url]));
console.log(
  `bench sandbox (pid ${process.pid}): ${Object.entries(urls)
    .map(([n, u]) => `${n} ${u}`)
    .join(', ')}`,
);
announce({ providers: sandbox.providers, urls });
