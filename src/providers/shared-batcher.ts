import { CostMeter, currentMeter, metered } from '../cost/meter.js';

/**
 * A batcher shared by every request of one provider and credential set: the layer below the
 * per-request DataLoaders that makes upstream work grow with time, not with requests.
 *
 * - Batching: while a call is in flight (or until the next turn of the event loop when none is),
 *   new keys queue and go out together in the next call, up to `maxBatch` keys; a full batch never
 *   waits. With nothing in flight a key waits only for `setImmediate`, so a lone request pays ~0.
 * - Coalescing: a key already queued or in flight is not asked again; its callers share the answer.
 *   With `maxBatch` 1 (no multi-get) that is all it does: each key goes out at once, alone.
 * - Freshness: `invalidate(key)` (after a write answered) detaches the key from the call in flight,
 *   so a read that starts afterwards gets a new call, never the answer of one that started before.
 * - Errors per key: a multi-key call that fails in a way one key can cause (`splitOn`) is retried
 *   in halves, so one bad key fails only itself; any other failure fails the keys of that call only.
 * - Cancellation per caller: a caller's AbortSignal rejects that caller's promise only; the shared
 *   call runs on for the others.
 *
 * Values come back per key: the value, `undefined` when the provider did not return the key, or the
 * Error of the call that carried it.
 */
export interface SharedBatcherOptions<V> {
  /** Most keys in one upstream call; 1 for providers without a multi-get (then it only coalesces). */
  maxBatch: number;
  /** One upstream call for these distinct keys: what it found, by key (absent: not found). */
  fetch(keys: readonly string[]): Promise<ReadonlyMap<string, V>>;
  /**
   * Calls in flight at once before new keys wait for one to answer (default 1); a function is asked
   * each time, so the bound can follow the provider's state (its rate limiter's queue).
   */
  maxInFlight?: number | (() => number);
  /** Whether a failure of a multi-key call may be one key's fault, so its halves are retried (default: never). */
  splitOn?(error: unknown): boolean;
}

/**
 * One operation's ask: a loadEach (a DataLoader batch) or a load, and its meter (src/cost/meter.ts).
 * Each call carrying one of its keys charges it, up to the calls its keys would need alone: an ask
 * whose keys straddle a shared call in flight and the next one is charged as its estimate priced it.
 */
interface Ask {
  meter: CostMeter;
  budget: number;
  charged: number;
}

interface Entry<V> {
  /** The asks waiting on this key. */
  asks: Set<Ask>;
  promise: Promise<V | undefined>;
  resolve(value: V | undefined): void;
  reject(error: unknown): void;
}

export class SharedBatcher<V> {
  private readonly queued = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Entry<V>>();
  private calls = 0;
  private scheduled = false;

  constructor(private readonly options: SharedBatcherOptions<V>) {}

  private get maxInFlight(): number {
    const bound = this.options.maxInFlight;
    return Math.max(1, (typeof bound === 'function' ? bound() : bound) ?? 1);
  }

  /** One key's value (undefined: not found); rejects with its call's error, or the signal's reason. */
  load(key: string, signal?: AbortSignal): Promise<V | undefined> {
    return this.enqueue(key, signal, this.ask(1));
  }

  /** Each key's value, undefined or Error, in key order: one key's failure never rejects the others. */
  loadEach(keys: readonly string[], signal?: AbortSignal): Promise<(V | undefined | Error)[]> {
    const ask = this.ask(keys.length);
    const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
    return Promise.all(keys.map((key) => this.enqueue(key, signal, ask).catch(asError)));
  }

  /** The operation running here asks for `keys` keys (none outside an operation: the live poller). */
  private ask(keys: number): Ask | undefined {
    const meter = currentMeter();
    return meter && { meter, budget: Math.ceil(keys / Math.max(1, this.options.maxBatch)), charged: 0 };
  }

  private enqueue(key: string, signal: AbortSignal | undefined, ask: Ask | undefined): Promise<V | undefined> {
    let entry = this.inFlight.get(key) ?? this.queued.get(key);
    if (!entry) {
      entry = deferred<V>();
      this.queued.set(key, entry);
      this.schedule();
    }
    if (ask) entry.asks.add(ask);
    return signal ? detachable(entry.promise, signal) : entry.promise;
  }

  /** After a write to `key` answered: later loads of it start a new call (the one in flight keeps its callers). */
  invalidate(key: string): void {
    // A queued key has not been sent yet, so its call starts after the write: it may stay.
    this.inFlight.delete(key);
  }

  /** After a write whose effect on keys is unknown (a list page): every later load starts a new call. */
  invalidateAll(): void {
    this.inFlight.clear();
  }

  private schedule(): void {
    if (this.options.maxBatch <= 1 || this.queued.size >= this.options.maxBatch) this.dispatch(true);
    if (this.queued.size === 0) return;
    if (this.calls >= this.maxInFlight || this.scheduled) return;
    this.scheduled = true;
    // One turn of the event loop: keys of requests parsed in the same turn share the call.
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch(false);
    });
  }

  /** Sends queued keys: as many calls as the in-flight bound allows, and every full batch regardless. */
  private dispatch(fullOnly: boolean): void {
    const size = Math.max(1, this.options.maxBatch);
    while (this.queued.size > 0) {
      const full = this.queued.size >= size;
      if (!full && (fullOnly || this.calls >= this.maxInFlight)) return;
      const batch: [string, Entry<V>][] = [];
      for (const item of this.queued) {
        batch.push(item);
        if (batch.length === size) break;
      }
      for (const [key, entry] of batch) {
        this.queued.delete(key);
        this.inFlight.set(key, entry);
      }
      // Only partial batches count against maxInFlight: a full one would be needed anyway, and the
      // rest of a large ask must not wait behind it.
      if (!full) this.calls += 1;
      void this.settle(batch).finally(() => {
        for (const [key, entry] of batch) if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
        if (!full) this.calls -= 1;
        if (this.queued.size > 0) this.schedule();
      });
    }
  }

  private async settle(batch: readonly [string, Entry<V>][]): Promise<void> {
    // The call's upstream requests are counted here, then charged once to every ask that waits on
    // one of its keys: a shared call costs each operation that shared it, not only the first.
    const calls = new CostMeter();
    const charge = () => {
      if (calls.calls === 0) return;
      for (const ask of new Set(batch.flatMap(([, entry]) => [...entry.asks]))) {
        if (ask.charged >= ask.budget) continue;
        ask.charged += 1;
        ask.meter.calls += calls.calls;
      }
    };
    try {
      const found = await metered(calls, () => this.options.fetch(batch.map(([key]) => key)));
      charge();
      for (const [key, entry] of batch) entry.resolve(found.get(key));
    } catch (error) {
      charge();
      if (batch.length > 1 && this.options.splitOn?.(error)) {
        const half = Math.ceil(batch.length / 2);
        await Promise.all([this.settle(batch.slice(0, half)), this.settle(batch.slice(half))]);
        return;
      }
      for (const [, entry] of batch) entry.reject(error);
    }
  }
}

function deferred<V>(): Entry<V> {
  let resolve!: Entry<V>['resolve'];
  let reject!: Entry<V>['reject'];
  const asks = new Set<Ask>();
  const promise = new Promise<V | undefined>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Every caller awaits its own (possibly detached) view; the shared promise must not count as unhandled.
  promise.catch(() => {});
  return { asks, promise, resolve, reject };
}

/** The shared promise as one caller sees it: rejected when that caller's signal aborts, nothing else. */
function detachable<V>(shared: Promise<V>, signal: AbortSignal): Promise<V> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<V>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
