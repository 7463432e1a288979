import { ProviderError } from '../errors/domain.js';

export interface BackoffOptions {
  /** The first pause after a failure (the poll interval). */
  baseMs: number;
  /** The longest pause, however many failures in a row. */
  maxMs: number;
}

/**
 * How long a poll loop leaves a failing provider alone: doubling from the poll interval up to a cap,
 * and at least the Retry-After of a 429 (the http layer already waited for short ones; the ones that
 * reach us were too long to wait for inside a call).
 */
export class Backoff {
  private failures = 0;

  constructor(private readonly options: BackoffOptions) {}

  /** Consecutive failures so far. */
  get failureCount(): number {
    return this.failures;
  }

  /** The pause before the next attempt after this failure, in ms. */
  failed(error: unknown): number {
    this.failures++;
    const { baseMs, maxMs } = this.options;
    const exponential = Math.min(maxMs, baseMs * 2 ** Math.min(this.failures - 1, 30));
    if (error instanceof ProviderError && error.kind === 'RATE_LIMITED' && error.retryAfterMs !== undefined) {
      // The provider said when (or its own backoff stands in, see ProviderHttp): asking sooner only
      // earns another 429, so that wait beats our cap.
      return Math.max(error.retryAfterMs, baseMs);
    }
    return exponential;
  }

  succeeded(): void {
    this.failures = 0;
  }
}
