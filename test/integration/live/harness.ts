import { afterAll, beforeAll } from 'vitest';
import { createLiveEngine, type LiveEngine, type LiveEngineOptions, type TickInfo } from '../../../src/live/index.js';
import type { CallEvent } from '../../../src/providers/http/index.js';
import { ProviderRegistry } from '../../../src/providers/registry.js';
import type { ProviderName } from '../../../src/providers/types.js';
import { startSandbox, type Sandbox } from '../../../sandbox/index.js';

/** Poll period of the live tests: short, so a few ticks take well under a second. */
export const POLL_MS = 100;

/** Every tick of an engine, and a way to wait for the next ones. */
export class TickLog {
  readonly ticks: TickInfo[] = [];
  private waiters: { provider: ProviderName; match: (t: TickInfo) => boolean; resolve: (t: TickInfo) => void }[] = [];

  readonly record = (info: TickInfo): void => {
    this.ticks.push(info);
    for (const waiter of [...this.waiters]) {
      if (waiter.provider !== info.provider || !waiter.match(info)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(info);
    }
  };

  /** The next tick of `provider` (after now) that matches. */
  next(provider: ProviderName, match: (t: TickInfo) => boolean = () => true): Promise<TickInfo> {
    return new Promise((resolve) => this.waiters.push({ provider, match, resolve }));
  }

  /** Waits for `n` more matching ticks; resolves with them. */
  async count(provider: ProviderName, n: number, match?: (t: TickInfo) => boolean): Promise<TickInfo[]> {
    const seen: TickInfo[] = [];
    for (let i = 0; i < n; i++) seen.push(await this.next(provider, match));
    return seen;
  }
}

export interface LiveHarness {
  providers: ProviderRegistry;
  engine: LiveEngine;
  ticks: TickLog;
  /** Upstream calls this engine's registry made, by provider and endpoint template. */
  calls: CallEvent[];
  stop(): Promise<void>;
}

/**
 * An engine over its own registry of sandbox clients (one registry per engine, as one per app
 * instance). The breaker cools down fast so an outage test resumes quickly after the fault clears.
 */
export function startLive(sandbox: Sandbox, options: Partial<LiveEngineOptions> = {}): LiveHarness {
  const calls: CallEvent[] = [];
  const upstream = { timeoutMs: 2000, retries: 1, maxRetryAfterMs: 5000, concurrency: 8, breakerCooldownMs: 200 };
  const providers = ProviderRegistry.create(sandbox.providers, {
    upstream,
    sandbox: true,
    onCall: (event) => calls.push(event),
  });
  const ticks = new TickLog();
  const engine = createLiveEngine({ providers, pollIntervalMs: POLL_MS, maxBackoffMs: 400, onTick: ticks.record, ...options });
  let stopping: Promise<void> | undefined;
  return {
    providers,
    engine,
    ticks,
    calls,
    stop() {
      stopping ??= engine.close().then(() => providers.close());
      return stopping;
    },
  };
}

/**
 * A sandbox and an engine over it (startLive) for the whole file: started before its tests, stopped
 * after them. Both can only start asynchronously, so the file gets objects that beforeAll fills in
 * (copies of the started ones: their functions close over their state, so the copies work alike).
 */
export function useLive(): { sandbox: Sandbox; live: LiveHarness } {
  const sandbox = {} as Sandbox;
  const live = {} as LiveHarness;
  beforeAll(async () => {
    Object.assign(sandbox, await startSandbox());
    Object.assign(live, startLive(sandbox));
  });
  afterAll(async () => {
    await live.stop?.();
    await sandbox.stop?.();
  });
  return { sandbox, live };
}

/** The next `n` values of an iterator (fails if it ends first). */
export async function take<T>(iterator: AsyncIterator<T>, n: number): Promise<T[]> {
  const values: T[] = [];
  while (values.length < n) {
    const result = await iterator.next();
    if (result.done) throw new Error(`ended after ${values.length} of ${n} values`);
    values.push(result.value);
  }
  return values;
}

/** Every value until the iterator ends. */
export async function drain<T>(iterator: AsyncIterator<T>): Promise<T[]> {
  const values: T[] = [];
  for (;;) {
    const result = await iterator.next();
    if (result.done) return values;
    values.push(result.value);
  }
}

export function iterate<T>(iterable: AsyncIterable<T>): AsyncIterator<T> {
  return iterable[Symbol.asyncIterator]();
}
