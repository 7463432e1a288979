import type { Clock } from './clock.js';

/** Something that can hold calls back until a moment (monotonic ms), and says when that moment moves. */
export interface Hold {
  openAt(): number;
  onChange(listener: () => void): void;
}

/**
 * A provider's "Retry-After", shared by every call to it. A 429 is a statement about the account's
 * quota, not about the one request that got it, so once any call hears it every later call waits too
 * (the rate limiter queues them behind this hold). A hold only ever grows: a shorter Retry-After that
 * arrives while a longer one is running does not release calls early.
 */
export class RetryAfterGate implements Hold {
  private until = Number.NEGATIVE_INFINITY;
  private readonly listeners: (() => void)[] = [];

  /**
   * @param maxHoldMs Longest a single Retry-After holds the provider's calls. A longer one still fails
   *   the call that got it with the provider's own delay, but holding every other call that long would
   *   keep failing queries for minutes after the quota may have come back; past this, the next calls
   *   find out for themselves (paced by the rate limiter).
   */
  constructor(
    private readonly maxHoldMs: number,
    private readonly clock: Clock,
  ) {}

  /** The provider asked for `retryAfterMs` of quiet: hold every call until then (capped). */
  hold(retryAfterMs: number): void {
    const until = this.clock.now() + Math.min(Math.max(0, retryAfterMs), this.maxHoldMs);
    if (until <= this.until) return;
    this.until = until;
    for (const listener of this.listeners) listener();
  }

  openAt(): number {
    return this.until;
  }

  /** Milliseconds until calls may go again; 0 when not held. */
  remainingMs(): number {
    return Math.max(0, this.until - this.clock.now());
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}
