import type { Clock } from './clock.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failed requests (provider unavailable) that open the circuit (default 5). */
  failureThreshold: number;
  /** How long an open circuit fails calls fast before it lets one probe through (default 10000 ms). */
  cooldownMs: number;
}

/** What admission gave a request: the probe is the one request allowed through a half-open circuit. */
export interface Permit {
  readonly probe: boolean;
}

/** The circuit refused a request: it is open, or half-open with its probe still out. */
export class CircuitOpen extends Error {
  constructor(
    readonly state: 'open' | 'half-open',
    /** Until the circuit lets a probe through; undefined while a probe is out. */
    readonly retryInMs: number | undefined,
    /** Why it opened, e.g. "after 5 consecutive failures". */
    readonly why: string,
  ) {
    super(
      state === 'open'
        ? `circuit open ${why}; retrying in ${Math.max(1, Math.ceil((retryInMs ?? 0) / 1000))}s`
        : 'circuit half-open; a probe call is checking whether it is back',
    );
    this.name = 'CircuitOpen';
  }
}

/**
 * A per-provider circuit breaker. Outcomes are per request, after its retries: `failed` means the
 * provider could not be reached or answered 5xx (UNAVAILABLE); anything the provider actually answered,
 * even a 404 or a 429, proves it is up and counts as a success. Outcomes of requests admitted before
 * the circuit opened are ignored while it is open, so a slow straggler cannot close it early.
 */
export class CircuitBreaker {
  private mode: BreakerState = 'closed';
  private failures = 0;
  private why = '';
  private openedAt = 0;
  private probeOut = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly clock: Clock,
    private readonly onChange: (state: BreakerState) => void = () => {},
  ) {}

  /** The state as a caller would meet it: an open circuit past its cool-down is ready to probe. */
  state(): BreakerState {
    if (this.mode === 'open' && this.cooldownLeft() <= 0) return 'half-open';
    return this.mode;
  }

  /** Consecutive failures counted towards opening (while closed). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Lets a request in, or throws CircuitOpen. Past the cool-down the first request becomes the probe. */
  admit(): Permit {
    if (this.mode === 'closed') return { probe: false };
    if (this.mode === 'open') {
      const left = this.cooldownLeft();
      if (left > 0) throw new CircuitOpen('open', left, this.why);
      this.transition('half-open');
    }
    if (this.probeOut) throw new CircuitOpen('half-open', undefined, this.why);
    this.probeOut = true;
    return { probe: true };
  }

  /** May this request make another attempt now? False once the circuit opened under it. */
  allows(permit: Permit): boolean {
    return permit.probe ? this.mode === 'half-open' && this.probeOut : this.mode === 'closed';
  }

  /** Throws CircuitOpen when `allows` is false, with the same message admission would give. */
  check(permit: Permit): void {
    if (this.allows(permit)) return;
    if (this.mode === 'half-open') throw new CircuitOpen('half-open', undefined, this.why);
    throw new CircuitOpen('open', Math.max(0, this.cooldownLeft()), this.why);
  }

  succeeded(permit: Permit): void {
    if (permit.probe) {
      if (this.mode !== 'half-open') return;
      this.probeOut = false;
      this.failures = 0;
      this.transition('closed');
    } else if (this.mode === 'closed') {
      this.failures = 0;
    }
  }

  failed(permit: Permit): void {
    if (permit.probe) {
      if (this.mode === 'half-open') this.trip('after the probe call failed too');
      return;
    }
    if (this.mode !== 'closed') return;
    this.failures++;
    if (this.failures >= this.options.failureThreshold) this.trip(`after ${this.failures} consecutive failures`);
  }

  /** The request ended without learning anything (it never reached the provider). */
  abandoned(permit: Permit): void {
    if (permit.probe && this.mode === 'half-open') this.probeOut = false;
  }

  private trip(why: string): void {
    this.why = why;
    this.failures = 0;
    this.probeOut = false;
    this.openedAt = this.clock.now();
    this.transition('open');
  }

  private cooldownLeft(): number {
    return this.openedAt + this.options.cooldownMs - this.clock.now();
  }

  private transition(state: BreakerState): void {
    if (state === this.mode && state !== 'open') return;
    this.mode = state;
    this.onChange(state);
  }
}
