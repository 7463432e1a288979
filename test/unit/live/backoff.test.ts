import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../src/live/backoff.js';
import { ProviderError } from '../../../src/errors/domain.js';

const unavailable = new ProviderError('UNAVAILABLE', 'TWELVE_LABS', 'GET /assets', 'HTTP 503');
const rateLimited = (retryAfterMs?: number) =>
  new ProviderError('RATE_LIMITED', 'TWELVE_LABS', 'GET /assets', 'too many', { status: 429, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

describe('Backoff', () => {
  it('doubles from the poll interval up to its cap, and starts over after a success', () => {
    const backoff = new Backoff({ baseMs: 200, maxMs: 2000 });
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.failed(unavailable))).toEqual([200, 400, 800, 1600, 2000, 2000]);
    expect(backoff.failureCount).toBe(6);
    backoff.succeeded();
    expect(backoff.failureCount).toBe(0);
    expect(backoff.failed(new Error('anything'))).toBe(200);
  });

  it('waits at least as long as a 429 asks, even beyond its cap', () => {
    const backoff = new Backoff({ baseMs: 200, maxMs: 2000 });
    expect(backoff.failed(rateLimited(7000))).toBe(7000);
    expect(backoff.failed(rateLimited(50))).toBe(200);
  });

  it('backs off exponentially from a 429 that names no time', () => {
    const backoff = new Backoff({ baseMs: 100, maxMs: 1000 });
    expect(backoff.failed(rateLimited())).toBe(100);
    expect(backoff.failed(rateLimited())).toBe(200);
  });

  it('does not overflow after very many failures', () => {
    const backoff = new Backoff({ baseMs: 100, maxMs: 30_000 });
    let last = 0;
    for (let i = 0; i < 2000; i++) last = backoff.failed(unavailable);
    expect(last).toBe(30_000);
  });
});
