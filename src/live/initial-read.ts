import { CostMeter, currentMeter, metered } from '../cost/meter.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { Asset, ProviderName } from '../providers/types.js';

interface Waiter {
  ids: readonly string[];
  /** The subscribing operation's meter (src/cost/meter.ts). */
  meter: CostMeter | undefined;
  resolve: (found: Map<string, Asset>) => void;
  reject: (error: unknown) => void;
}

/**
 * The first state of watched assets, straight from the providers (not through a poll loop, so it is
 * immediate). Reads asked for in the same turn of the event loop share one batch per provider: a
 * thousand clients subscribing at once to the same fifty assets cost one call, not a thousand.
 * Each subscriber is charged the shared calls as its own read would have been (its cost estimate):
 * up to one per provider batch of its ids.
 */
export class InitialReader {
  private readonly pending = new Map<ProviderName, Waiter[]>();

  constructor(private readonly providers: ProviderRegistry) {}

  /** The assets found among `ids`, by id; missing ones are absent. */
  read(provider: ProviderName, ids: readonly string[]): Promise<Map<string, Asset>> {
    let waiters = this.pending.get(provider);
    if (!waiters) {
      const batch: Waiter[] = [];
      this.pending.set(provider, batch);
      setImmediate(() => void this.flush(provider, batch));
      waiters = batch;
    }
    const queue = waiters;
    const meter = currentMeter();
    return new Promise((resolve, reject) => queue.push({ ids, meter, resolve, reject }));
  }

  private async flush(provider: ProviderName, waiters: Waiter[]): Promise<void> {
    this.pending.delete(provider);
    const calls = new CostMeter();
    try {
      const found = await metered(calls, () => this.fetch(provider, new Set(waiters.flatMap((w) => w.ids))));
      this.charge(provider, waiters, calls.calls);
      for (const waiter of waiters) waiter.resolve(found);
    } catch (error) {
      this.charge(provider, waiters, calls.calls);
      if (waiters.length === 1) return waiters[0]!.reject(error);
      // One subscriber's bad id (a malformed one is refused for the whole batch) must not fail the
      // others: each reads its own ids again.
      await Promise.all(waiters.map((w) => metered(w.meter ?? new CostMeter(), () => this.fetch(provider, new Set(w.ids))).then(w.resolve, w.reject)));
    }
  }

  private charge(provider: ProviderName, waiters: readonly Waiter[], calls: number): void {
    const perCall = Math.max(1, this.providers.get(provider).assets.maxBatch);
    for (const { meter, ids } of waiters) if (meter) meter.calls += Math.min(calls, Math.ceil(ids.length / perCall));
  }

  private async fetch(provider: ProviderName, ids: ReadonlySet<string>): Promise<Map<string, Asset>> {
    const assets = await this.providers.get(provider).assets.getAssets([...ids]);
    return new Map<string, Asset>(assets.map((a) => [a.providerId, a]));
  }
}
