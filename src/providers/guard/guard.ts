import { CircuitBreaker, CircuitOpen, type BreakerOptions, type BreakerState, type Permit } from './breaker.js';
import { systemClock, type Clock } from './clock.js';
import { LimiterClosed, RateLimiter, SlotUnavailable, type RateLimit } from './rate-limit.js';
import { RetryAfterGate } from './retry-after.js';

export type { BreakerState, Permit } from './breaker.js';
export type { RateLimit } from './rate-limit.js';

export interface GuardOptions {
  /** Calls per second and burst; absent: no rate limit (the Retry-After hold and the breaker still apply). */
  rateLimit?: RateLimit | undefined;
  /** Longest a call waits for a slot or behind a Retry-After before it is refused (default 5000 ms). */
  maxWaitMs?: number;
  /** Longest one Retry-After holds every call (default 5000 ms). */
  maxHoldMs?: number;
  /** Breaker threshold and cool-down (defaults 5 and 10000 ms). */
  breaker?: Partial<BreakerOptions>;
  clock?: Clock;
  onEvent?: (event: GuardEvent) => void;
}

/** What the guard did, for logs and metrics (nothing here names a URL or a secret). */
export type GuardEvent =
  | { type: 'wait'; waitedMs: number }
  | { type: 'refused'; reason: 'circuit-open' | 'rate-limited' }
  | { type: 'breaker'; state: BreakerState }
  | { type: 'retry-after'; holdMs: number };

/** The guard's view of a provider, for readiness and metrics. */
export interface ProviderHealth {
  breaker: BreakerState;
  /** Epoch ms until which a provider's Retry-After holds every call; null when nothing is held. */
  rateLimitedUntil: number | null;
  /** Calls waiting for a rate-limit slot or for the Retry-After hold. */
  queued: number;
  /** Consecutive unavailable outcomes counted towards opening the breaker. */
  consecutiveFailures: number;
}

/** Why the guard refused a call without sending it. */
export class GuardRefusal extends Error {
  constructor(
    readonly reason: 'circuit-open' | 'rate-limited' | 'closed',
    readonly detail: string,
    readonly retryAfterMs?: number,
  ) {
    super(detail);
    this.name = 'GuardRefusal';
  }
}

export type Outcome = 'success' | 'failure' | 'none';

/**
 * Everything that stands between a provider client and the provider: the breaker (fail fast while it
 * is down), the shared Retry-After hold, and the rate limiter. ProviderHttp asks it for a permit per
 * request and a slot per attempt, and reports each request's outcome.
 */
export class ProviderGuard {
  readonly maxWaitMs: number;
  private readonly clock: Clock;
  private readonly gate: RetryAfterGate;
  private readonly limiter: RateLimiter;
  private readonly breaker: CircuitBreaker;
  private readonly emit: (event: GuardEvent) => void;

  constructor(options: GuardOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.maxWaitMs = options.maxWaitMs ?? 5000;
    this.emit = options.onEvent ?? (() => {});
    this.gate = new RetryAfterGate(options.maxHoldMs ?? 5000, this.clock);
    this.limiter = new RateLimiter(options.rateLimit, this.gate, this.clock);
    const breaker = {
      failureThreshold: options.breaker?.failureThreshold ?? 5,
      cooldownMs: options.breaker?.cooldownMs ?? 10_000,
    };
    this.breaker = new CircuitBreaker(breaker, this.clock, (state) => this.emit({ type: 'breaker', state }));
  }

  /** Admission of one request (all its attempts). Throws GuardRefusal while the circuit is open. */
  admit(): Permit {
    try {
      return this.breaker.admit();
    } catch (error) {
      throw this.refusal(error);
    }
  }

  /**
   * Waits for the slot of one attempt; resolves with the release to call when the attempt is over.
   * `maxWaitMs` overrides the default bound (a retry told to wait a Retry-After may wait that long).
   */
  async slot(permit: Permit, options: { maxWaitMs?: number } = {}): Promise<() => void> {
    const started = this.clock.now();
    let release: () => void;
    try {
      this.breaker.check(permit);
      release = await this.limiter.acquire(options.maxWaitMs ?? this.maxWaitMs);
      // The circuit may have opened while this call queued: it must not reach a provider that is down.
      this.breaker.check(permit);
    } catch (error) {
      throw this.refusal(error);
    } finally {
      const waitedMs = this.clock.now() - started;
      if (waitedMs > 0) this.emit({ type: 'wait', waitedMs });
    }
    return release;
  }

  /** A provider answered 429 with Retry-After: every call to it waits (bounded by maxHoldMs). */
  retryAfter(ms: number): void {
    this.gate.hold(ms);
    this.emit({ type: 'retry-after', holdMs: ms });
  }

  /** The request's outcome, once, after its last attempt. */
  settle(permit: Permit, outcome: Outcome): void {
    if (outcome === 'success') this.breaker.succeeded(permit);
    else if (outcome === 'failure') this.breaker.failed(permit);
    else this.breaker.abandoned(permit);
  }

  /** Calls waiting for a rate-limit slot or for the Retry-After hold, now. */
  get waiting(): number {
    return this.limiter.queued;
  }

  health(): ProviderHealth {
    const held = this.gate.remainingMs();
    return {
      breaker: this.breaker.state(),
      rateLimitedUntil: held > 0 ? Math.round(Date.now() + held) : null,
      queued: this.limiter.queued,
      consecutiveFailures: this.breaker.consecutiveFailures,
    };
  }

  /** Refuses the calls still waiting (shutdown). */
  close(): void {
    this.limiter.close();
  }

  private refusal(error: unknown): Error {
    if (error instanceof CircuitOpen) {
      this.emit({ type: 'refused', reason: 'circuit-open' });
      return new GuardRefusal('circuit-open', error.message, error.retryInMs);
    }
    if (error instanceof SlotUnavailable) {
      this.emit({ type: 'refused', reason: 'rate-limited' });
      const why = error.heldByProvider ? "the provider's Retry-After" : "this server's rate limit for it";
      return new GuardRefusal('rate-limited', `held by ${why}`, Math.ceil(error.retryAfterMs));
    }
    if (error instanceof LimiterClosed) return new GuardRefusal('closed', 'the server is shutting down');
    return error as Error;
  }
}
