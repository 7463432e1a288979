import { buildProduction } from '../../scripts/build.js';
import type { ProviderConfigs } from '../../src/config/index.js';
import type { ProviderName } from '../../src/providers/types.js';
import { startChild, type Child } from './child.js';

export const PROFILE_DIR = 'bench/results/profiles';
/** Where the compiled assetfed process is built (BENCH_RUNTIME=compiled). */
const BUILD_DIR = 'bench/results/build';
/** Where the Apollo peer is built: beside assetfed's build (each build empties its directory first). */
const PEER_BUILD_DIR = 'bench/results/build-apollo-peer';

export interface BenchOptions {
  /** BENCH_QUICK=1: a few seconds per case, for a smoke run; the figures are not the ones to quote. */
  quick: boolean;
  /** BENCH_LATENCY_MS: latency the sandbox adds to every upstream call (default 20). */
  latencyMs: number;
  /** BENCH_PROFILE=1: CPU profiles of assetfed under each load (bench/results/profiles/). */
  profile: boolean;
  /**
   * BENCH_RUNTIME: `compiled` (default) runs assetfed as production does, built by scripts/build.ts
   * and started with plain node; `tsx` runs its TypeScript through tsx, as the bench did before.
   */
  runtime: 'compiled' | 'tsx';
}

export interface SandboxReady {
  providers: Required<ProviderConfigs>;
  urls: Record<ProviderName, string>;
}

export interface Counters {
  total: number;
  byEndpoint: Record<string, number>;
}

export interface CallRecord {
  endpoint: string;
  /** Epoch ms (sub-millisecond), comparable across the bench's processes. */
  start: number;
  end: number;
}

/** The sandbox child, through its control channel. */
export class SandboxProcess {
  constructor(readonly child: Child<SandboxReady>) {}
  get providers() {
    return this.child.ready.providers;
  }
  setLatency(ms: number) {
    return this.child.call('setLatency', { ms });
  }
  counters() {
    return this.child.call<Record<ProviderName, Counters>>('counters');
  }
  async calls(provider: ProviderName): Promise<number> {
    return (await this.counters())[provider].total;
  }
  reset() {
    return this.child.call('reset');
  }
  callLog(provider: ProviderName, since: number, endpoint?: string) {
    return this.child.call<CallRecord[]>('callLog', { provider, since, endpoint });
  }
  tlUploads(count: number) {
    return this.child.call<string[]>('tlUploads', { count });
  }
  tlSettle(ids: string[]) {
    return this.child.call<{ at: number }>('tlSettle', { ids });
  }
}

export interface Memory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** An assetfed child (or one of the peers): its GraphQL endpoint, memory and live-engine stats. */
export class ServerProcess {
  constructor(readonly child: Child<{ url: string }>) {}
  get url() {
    return this.child.ready.url;
  }
  get endpoint() {
    return `${this.child.ready.url}/graphql`;
  }
  memory(gc = false) {
    return this.child.call<Memory>('memory', { gc });
  }
  live() {
    return this.child.call<{ watchedAssets: number; subscribers: number; polling: string[] }>('live');
  }
}

/**
 * The processes of one bench run, started when a case first needs them and stopped at the end:
 * one sandbox, and assetfed children by configuration (batching on, off, live, memory).
 */
export class Bench {
  private readonly servers = new Map<string, Promise<ServerProcess>>();
  private readonly started: Child<unknown>[] = [];
  readonly profiles: { label: string; file: string }[] = [];
  /** Global IDs read once at start-up, shared by the cases. */
  ids: { UPLYNK: string[]; TWELVE_LABS: string[] } = { UPLYNK: [], TWELVE_LABS: [] };
  /** One READY asset per provider: its answer never changes during a run, so every body can be checked. */
  readyIds: { UPLYNK: string; TWELVE_LABS: string } = { UPLYNK: '', TWELVE_LABS: '' };

  private constructor(
    readonly options: BenchOptions,
    readonly sandbox: SandboxProcess,
  ) {}

  static async start(options: BenchOptions): Promise<Bench> {
    const child = await startChild<SandboxReady>('sandbox', 'bench/processes/sandbox.ts', {});
    const bench = new Bench(options, new SandboxProcess(child));
    bench.started.push(child);
    return bench;
  }

  private readonly compiled = new Map<string, Promise<string>>();

  /**
   * A child's entry: its TypeScript with BENCH_RUNTIME=tsx, else `source` as JavaScript bundled the way
   * the server is, into `dir` as `<name>.js` (built once per run).
   */
  private entry(name: string, source: string, dir: string): Promise<string> {
    if (this.options.runtime === 'tsx') return Promise.resolve(source);
    let built = this.compiled.get(name);
    if (!built) {
      built = buildProduction(dir, { [name]: source }).then(() => `${dir}/${name}.js`);
      this.compiled.set(name, built);
    }
    return built;
  }

  /** An assetfed child with this environment, started once per name. */
  async assetfed(name: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    return this.server(name, await this.entry('assetfed', 'bench/processes/assetfed.ts', BUILD_DIR), {
      BENCH_PROVIDERS: JSON.stringify(this.sandbox.providers),
      BENCH_ASSETFED_ENV: JSON.stringify(env),
    });
  }

  /** The naive peer of bench/naive-peer.ts, over the same sandbox. */
  naivePeer(): Promise<ServerProcess> {
    return this.server('naive-peer', 'bench/naive-peer.ts', { BENCH_PROVIDERS: JSON.stringify(this.sandbox.providers) });
  }

  /**
   * The hand-written Apollo Server 4 + RESTDataSource + DataLoader peer of bench/apollo-peer.ts, over the
   * same sandbox. Built and run like assetfed (plain node unless BENCH_RUNTIME=tsx): its CPU per request
   * is compared with assetfed's, and tsx would add source-mapped stacks that assetfed's build does not pay.
   */
  async apolloPeer(): Promise<ServerProcess> {
    const entry = await this.entry('apollo-peer', 'bench/apollo-peer.ts', PEER_BUILD_DIR);
    return this.server('apollo-peer', entry, { BENCH_PROVIDERS: JSON.stringify(this.sandbox.providers) });
  }

  /** Stops a server child a case no longer needs (its memory and timers would linger otherwise). */
  async release(name: string): Promise<void> {
    const server = this.servers.get(name);
    if (!server) return;
    this.servers.delete(name);
    await (await server).child.stop();
  }

  private server(name: string, entry: string, env: Record<string, string>): Promise<ServerProcess> {
    let server = this.servers.get(name);
    if (!server) {
      server = startChild<{ url: string }>(name, entry, env).then((child) => {
        this.started.push(child);
        return new ServerProcess(child);
      });
      this.servers.set(name, server);
    }
    return server;
  }

  /**
   * With BENCH_PROFILE=1, a CPU profile of `server` while `run` runs (the load, not start-up), written
   * to bench/results/profiles/<label>-<time>.cpuprofile; run.ts prints its hot spots at the end.
   */
  async profiled<T>(server: ServerProcess, label: string, run: () => Promise<T>): Promise<T> {
    if (!this.options.profile) return run();
    await server.child.call('profileStart');
    try {
      return await run();
    } finally {
      const file = `${PROFILE_DIR}/${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`;
      this.profiles.push({ label, file: await server.child.call<string>('profileStop', { file }) });
    }
  }

  /** Servers first (they still talk to the sandbox while closing), then the sandbox. */
  async stop(): Promise<void> {
    const [sandbox, ...servers] = this.started;
    await Promise.all(servers.map((child) => child.stop()));
    await sandbox?.stop();
  }
}
