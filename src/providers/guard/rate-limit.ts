import type { Clock, Timer } from './clock.js';
import type { Hold } from './retry-after.js';

/** How fast one provider may be called. */
export interface RateLimit {
  /** Calls per second; fractions allowed (0.5 is one call every 2 s). */
  perSecond: number;
  /** Calls that may leave back to back before the rate spaces them (default: perSecond, rounded up). */
  burst?: number;
}

/** A call that could not get a slot within the wait it was allowed. */
export class SlotUnavailable extends Error {
  constructor(
    /** The least it would still have had to wait, in ms. */
    readonly retryAfterMs: number,
    /** True when the provider's Retry-After is what holds it, rather than this server's own limit. */
    readonly heldByProvider: boolean,
  ) {
    super(`no upstream slot within the allowed wait (about ${Math.ceil(retryAfterMs)} ms away)`);
    this.name = 'SlotUnavailable';
  }
}

/** The limiter was closed (shutdown) while the call waited. */
export class LimiterClosed extends Error {
  constructor() {
    super('the upstream limiter is closed');
    this.name = 'LimiterClosed';
  }
}

interface Waiter {
  deadline: number;
  grant(release: () => void): void;
  refuse(error: Error): void;
}

/**
 * One provider's call queue: FIFO, one timer, no polling. A call leaves when three things allow it:
 *
 * - the token bucket (`burst` tokens, refilled at `perSecond`), which paces calls;
 * - the quota window: at most `perSecond` calls (for whole rates) in any second. A bucket alone lets
 *   `burst + perSecond` through in one second; the window makes the configured rate a hard quota. A
 *   call holds its window slot until one window after it *finished*: the provider counts a call when
 *   it arrives, which is after we send it and before we hear back, so counting from the answer keeps
 *   network jitter from ever squeezing one call too many into the provider's window;
 * - the hold (the provider's shared Retry-After), if any.
 *
 * Without a RateLimit only the hold applies. A call that would wait longer than it may is refused at
 * once (SlotUnavailable, with the wait it would have had), never queued to fail later; the estimate is
 * a lower bound, so a queued call that still runs out of time is refused at its deadline.
 */
export class RateLimiter {
  private readonly ratePerMs: number;
  private readonly burst: number;
  private readonly windowLimit: number;
  private readonly windowMs: number;
  private tokens: number;
  private refilledAt: number;
  private inFlight = 0;
  /** When each finished call's window slot frees up, ascending (appended at monotonic times). */
  private expiries: number[] = [];
  private queue: Waiter[] = [];
  private timer: Timer | undefined;
  private timerAt = Number.NaN;
  private closed = false;

  constructor(
    readonly limit: RateLimit | undefined,
    private readonly hold: Hold,
    private readonly clock: Clock,
  ) {
    const perSecond = limit?.perSecond ?? Number.POSITIVE_INFINITY;
    this.ratePerMs = perSecond / 1000;
    this.burst = limit ? Math.max(1, limit.burst ?? Math.ceil(perSecond)) : Number.POSITIVE_INFINITY;
    this.windowLimit = limit ? Math.max(1, Math.floor(perSecond)) : Number.POSITIVE_INFINITY;
    this.windowMs = limit ? (1000 * this.windowLimit) / perSecond : 0;
    this.tokens = this.burst;
    this.refilledAt = clock.now();
    hold.onChange(() => this.pump());
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * Waits for a slot, first come first served; resolves with `release`, to call once the call has
   * finished (answered or failed).
   */
  acquire(maxWaitMs: number): Promise<() => void> {
    if (this.closed) return Promise.reject(new LimiterClosed());
    const now = this.clock.now();
    const wait = this.estimate(now, this.queue.length);
    if (wait.ms > maxWaitMs) return Promise.reject(new SlotUnavailable(wait.ms, wait.byHold));
    return new Promise((resolve, reject) => {
      this.queue.push({ deadline: now + maxWaitMs, grant: resolve, refuse: reject });
      this.pump();
    });
  }

  /** Refuses every waiting call and every later one. */
  close(): void {
    this.closed = true;
    this.timer?.clear();
    this.timer = undefined;
    this.timerAt = Number.NaN;
    const waiting = this.queue;
    this.queue = [];
    for (const waiter of waiting) waiter.refuse(new LimiterClosed());
  }

  private pump(): void {
    const now = this.clock.now();
    while (this.queue.length > 0 && this.readyAt(now) <= now) {
      this.take(now);
      this.queue.shift()!.grant(this.releaser());
    }
    this.refuseHopeless(now);
    this.schedule(now);
  }

  /** Waiters past their deadline, or whose deadline falls inside the provider's hold, fail now. */
  private refuseHopeless(now: number): void {
    const openAt = this.hold.openAt();
    const keep: Waiter[] = [];
    for (const waiter of this.queue) {
      if (waiter.deadline > now && waiter.deadline >= openAt) {
        keep.push(waiter);
        continue;
      }
      const byHold = openAt > now;
      const left = byHold ? openAt - now : this.readyAt(now) - now;
      waiter.refuse(new SlotUnavailable(Math.max(1, Number.isFinite(left) ? left : this.windowMs), byHold));
    }
    this.queue = keep;
  }

  /** One timer for the next thing that can happen: the head's slot, or a waiter's deadline. */
  private schedule(now: number): void {
    let next = Number.POSITIVE_INFINITY;
    if (this.queue.length > 0) next = this.readyAt(now);
    for (const waiter of this.queue) next = Math.min(next, waiter.deadline);
    if (next === this.timerAt) return;
    this.timer?.clear();
    this.timer = undefined;
    this.timerAt = Number.NaN;
    // Infinity: every window slot belongs to a call still in flight; its release pumps again.
    if (!Number.isFinite(next)) return;
    this.timerAt = next;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Number.NaN;
      this.pump();
    }, next - now);
  }

  /** When the head of the queue may go, given the hold, the bucket and the window. */
  private readyAt(now: number): number {
    let at = Math.max(now, this.hold.openAt());
    if (!this.limit) return at;
    this.refill(now);
    // The epsilon keeps float dust (0.9999999 tokens) from costing a timer round trip.
    if (this.tokens < 1 - 1e-9) at = Math.max(at, now + (1 - this.tokens) / this.ratePerMs);
    this.prune(now);
    const over = this.inFlight + this.expiries.length - this.windowLimit;
    if (over >= 0) at = Math.max(at, this.expiries[over] ?? Number.POSITIVE_INFINITY);
    return at;
  }

  /**
   * The least a call would wait behind `position` others: exact for the hold and the bucket, a lower
   * bound for the window (calls in flight free their slots no earlier than one window from now).
   */
  private estimate(now: number, position: number): { ms: number; byHold: boolean } {
    const holdMs = Math.max(0, this.hold.openAt() - now);
    if (!this.limit) return { ms: holdMs, byHold: holdMs > 0 };
    this.refill(now);
    this.prune(now);
    const bucketMs = Math.max(0, position + 1 - this.tokens) / this.ratePerMs;
    const over = this.inFlight + this.expiries.length + position - this.windowLimit;
    let windowMs = 0;
    if (over >= 0) {
      // Slots free in order: finished calls' (known), then calls in flight, then the calls ahead of
      // this one, each a window after the one whose slot it took.
      const cycles = Math.floor(over / this.windowLimit);
      const freed = this.expiries[over % this.windowLimit] ?? now + this.windowMs;
      windowMs = freed - now + cycles * this.windowMs;
    }
    const ms = Math.max(holdMs, bucketMs, windowMs);
    return { ms, byHold: holdMs > 0 && holdMs >= ms };
  }

  private take(now: number): void {
    if (this.limit) {
      this.refill(now);
      this.tokens = Math.max(0, this.tokens - 1);
    }
    this.inFlight++;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      if (this.limit) this.expiries.push(this.clock.now() + this.windowMs);
      if (this.queue.length > 0) this.pump();
    };
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.ratePerMs);
    this.refilledAt = now;
  }

  private prune(now: number): void {
    let expired = 0;
    while (expired < this.expiries.length && this.expiries[expired]! <= now) expired++;
    if (expired > 0) this.expiries = this.expiries.slice(expired);
  }
}
