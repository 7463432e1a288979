/**
 * A caller's leaky bucket of upstream calls (Shopify's model): it holds up to `capacity` and refills
 * at `restoreRate` per second. An operation takes its requested cost up front, or is throttled; once it
 * has run, the difference to its actual cost is given back (or taken, if it spent more).
 */
export interface BucketSettings {
  /** CALLER_COST_BUDGET, default 2000. */
  capacity: number;
  /** CALLER_COST_RESTORE_RATE per second, default 100. */
  restoreRate: number;
}

export type Take = { ok: true; available: number } | { ok: false; available: number; retryAfterSeconds: number };

export interface CostBucket {
  readonly settings: BucketSettings;
  /** Takes `cost` from the caller's bucket when it holds that much; else nothing, and when it will. */
  take(caller: string, cost: number): Promise<Take>;
  /** Adds `delta` (negative: takes) without a check; the bucket after it. */
  adjust(caller: string, delta: number): Promise<number>;
  close(): Promise<void>;
}

/** Seconds until a bucket at `available` holds `cost` (whole seconds, at least 1, as Retry-After is). */
export const secondsUntil = (settings: BucketSettings, available: number, cost: number) => Math.max(1, Math.ceil((cost - available) / settings.restoreRate));

/** One instance's buckets, in memory (without REDIS_URL). */
export function createMemoryBucket(settings: BucketSettings, now: () => number = Date.now): CostBucket {
  const buckets = new Map<string, { available: number; at: number }>();
  const level = (caller: string) => {
    const t = now();
    const entry = buckets.get(caller);
    const available = entry ? Math.min(settings.capacity, entry.available + ((t - entry.at) / 1000) * settings.restoreRate) : settings.capacity;
    return { available, at: t };
  };
  const store = (caller: string, state: { available: number; at: number }) => {
    // A full bucket is the same as none: forget it, so idle callers hold no memory.
    if (state.available >= settings.capacity) buckets.delete(caller);
    else buckets.set(caller, state);
  };
  return {
    settings,
    async take(caller, cost) {
      const state = level(caller);
      if (state.available < cost) return { ok: false, available: state.available, retryAfterSeconds: secondsUntil(settings, state.available, cost) };
      store(caller, { available: state.available - cost, at: state.at });
      return { ok: true, available: state.available - cost };
    },
    async adjust(caller, delta) {
      const state = level(caller);
      const available = Math.min(settings.capacity, state.available + delta);
      store(caller, { available, at: state.at });
      return available;
    },
    async close() {
      buckets.clear();
    },
  };
}
