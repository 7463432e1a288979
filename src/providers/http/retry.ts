import { ProviderError } from '../../errors/domain.js';

/**
 * When to try a call again. A rate limit that named no wait gets the provider's backoff, doubled per
 * attempt, as its wait: a 429 means "wait", and retrying within milliseconds only spends quota on more
 * 429s. From then on it is handled as a Retry-After (held for every call, waited for or refused).
 */
export function withRateLimitWait(error: ProviderError, attempt: number, backoffMs: number): ProviderError {
  if (error.kind !== 'RATE_LIMITED' || error.retryAfterMs !== undefined) return error;
  const retryAfterMs = backoffMs * 2 ** attempt;
  return new ProviderError(error.kind, error.provider, error.endpoint, error.detail, { ...error.options, retryAfterMs });
}

/** The wait before the next attempt, or undefined when this failure must not be retried. */
export function retryDelay(error: ProviderError, attempt: number, maxRetryAfterMs: number): number | undefined {
  if (error.kind === 'RATE_LIMITED') {
    // Every rate limit has a wait by now (withRateLimitWait); a longer one than we wait for fails.
    const wait = error.retryAfterMs;
    return wait !== undefined && wait <= maxRetryAfterMs ? wait : undefined;
  }
  if (error.kind === 'UNAVAILABLE') return backoff(attempt);
  return undefined;
}

/** Exponential backoff from 100 ms, capped at 2 s, with jitter over the upper half. */
export function backoff(attempt: number): number {
  const ceiling = Math.min(2000, 100 * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
