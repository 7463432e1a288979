/**
 * A push-driven async iterator. Not an async generator on purpose: a generator's return() waits until
 * the generator next reaches a yield, so a client that unsubscribes while nothing happens would keep
 * its assets polled until the next event. Here return() ends the iterator and runs the cleanup at once.
 */
export class Channel<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private readonly waiters: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void }[] = [];
  private state: 'open' | 'ending' | 'done' = 'open';
  private error: unknown = undefined;
  private cleanup: (() => void) | undefined;
  /**
   * Delivers a value past the consumer's pipeline: true when it did (src/server/ws.ts writes a shared
   * frame straight to the socket). Asked only while the consumer waits with nothing queued, so every
   * value before this one has already left through the pipeline and order holds; the consumer goes
   * on waiting, for the next value or the end.
   */
  bypass: { offer(value: T): boolean } | undefined = undefined;

  /** `onClose` runs once, however the channel ends: drained, failed, returned or aborted. */
  constructor(onClose: () => void) {
    this.cleanup = onClose;
  }

  /** Ends the channel when `signal` aborts (at once if it already has). */
  bindSignal(signal: AbortSignal | undefined): void {
    if (!signal || this.state !== 'open') return;
    if (signal.aborted) {
      this.close();
      return;
    }
    const abort = () => this.close();
    signal.addEventListener('abort', abort, { once: true });
    const previous = this.cleanup;
    this.cleanup = () => {
      signal.removeEventListener('abort', abort);
      previous?.();
    };
  }

  get closed(): boolean {
    return this.state !== 'open';
  }

  push(value: T): void {
    if (this.state !== 'open') return;
    if (this.waiters.length > 0 && this.bypass?.offer(value)) return;
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve({ value, done: false });
    else this.queue.push(value);
  }

  /** No more values: what is queued is still delivered, then done. */
  end(): void {
    if (this.state !== 'open') return;
    this.state = 'ending';
    this.runCleanup();
    this.settleWaiters();
  }

  /** Ends with an error, delivered after what is queued. */
  fail(error: unknown): void {
    if (this.state !== 'open') return;
    this.error = error;
    this.end();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.state !== 'open') return this.finish();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** The consumer leaves: queued values are dropped. */
  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(): Promise<IteratorResult<T>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private close(): void {
    this.queue.length = 0;
    this.error = undefined;
    this.end();
    this.state = 'done';
  }

  private finish(): Promise<IteratorResult<T>> {
    this.state = 'done';
    if (this.error !== undefined) {
      const error = this.error;
      this.error = undefined;
      return Promise.reject(error);
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  private settleWaiters(): void {
    // Waiters only exist while the queue is empty, so each gets the end (the first one the error).
    // Settled directly, not through finish()'s promises: a fan-out ends thousands of channels at once.
    for (const waiter of this.waiters.splice(0)) {
      this.state = 'done';
      const error = this.error;
      this.error = undefined;
      if (error !== undefined) waiter.reject(error);
      else waiter.resolve({ value: undefined, done: true });
    }
  }

  private runCleanup(): void {
    const cleanup = this.cleanup;
    this.cleanup = undefined;
    cleanup?.();
  }
}
