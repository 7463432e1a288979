import { describe, expect, it } from 'vitest';
import { LimiterClosed, RateLimiter, SlotUnavailable, type RateLimit } from '../../../src/providers/guard/rate-limit.js';
import { RetryAfterGate } from '../../../src/providers/guard/retry-after.js';
import { FakeClock, settle } from './fake-clock.js';

function setup(limit: RateLimit | undefined) {
  const clock = new FakeClock();
  const gate = new RetryAfterGate(60_000, clock);
  const limiter = new RateLimiter(limit, gate, clock);
  const grants: (number | undefined)[] = [];
  const errors: unknown[] = [];
  /** Queues a call that finishes `holdMs` after it got its slot. */
  const call = (maxWaitMs = 60_000, options: { holdMs?: number; label?: number } = {}) => {
    const index = options.label ?? grants.length;
    grants[index] = undefined;
    return limiter.acquire(maxWaitMs).then(
      (release) => {
        grants[index] = clock.now();
        if (options.holdMs === undefined) release();
        else clock.setTimeout(release, options.holdMs);
        return release;
      },
      (error: unknown) => {
        errors[index] = error;
      },
    );
  };
  return { clock, gate, limiter, grants, errors, call };
}

/** The most grants inside any window [t, t + ms). */
function busiestWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! < sorted[i]! - ms + 1e-9) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('RateLimiter: the token bucket', () => {
  it('lets a burst through at once, then spaces calls at the rate, and refills only up to the burst', async () => {
    const { clock, grants, call } = setup({ perSecond: 10, burst: 3 });
    for (let i = 0; i < 6; i++) void call();
    await clock.advance(1000);
    expect(grants).toEqual([0, 0, 0, 100, 200, 300]);
    await clock.advance(5000); // idle far longer than it takes to refill: still only 3 tokens
    for (let i = 0; i < 4; i++) void call();
    await clock.advance(1000);
    expect(grants.slice(6)).toEqual([6000, 6000, 6000, 6100]);
  });

  it('serves waiters first come, first served', async () => {
    const { clock, call } = setup({ perSecond: 1, burst: 1 });
    const order: number[] = [];
    for (let i = 0; i < 5; i++) void call().then(() => order.push(i));
    await clock.advance(2500);
    expect(order).toEqual([0, 1, 2]);
    await clock.advance(2000);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes fractional rates: 0.5 per second is one call every 2 s', async () => {
    const { clock, grants, call } = setup({ perSecond: 0.5 });
    for (let i = 0; i < 3; i++) void call();
    await clock.advance(10_000);
    expect(grants).toEqual([0, 2000, 4000]);
  });
});

describe('RateLimiter: the quota window', () => {
  it('never lets more than the rate through in a second, even with a full bucket', async () => {
    const { clock, grants, call } = setup({ perSecond: 5, burst: 5 });
    for (let i = 0; i < 10; i++) void call();
    await clock.advance(3000);
    // A bucket alone would let the 6th go at 200 ms (5 + 5 in the first second).
    expect(grants).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000]);
  });

  it('counts a window from when the call finished, so a slow answer delays the next call', async () => {
    const { clock, grants, call } = setup({ perSecond: 2, burst: 2 });
    void call(60_000, { holdMs: 300 });
    void call(60_000, { holdMs: 300 });
    void call();
    await clock.advance(5000);
    expect(grants).toEqual([0, 0, 1300]);
  });

  it('holds the quota under an irregular load: at most 20 calls in any 1-second window', async () => {
    const { clock, grants, call } = setup({ perSecond: 20 });
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 400; i++) {
      void call(600_000, { holdMs: Math.floor(random() * 150) });
      await clock.advance(Math.floor(random() * 40));
    }
    await clock.advance(60_000);
    const times = grants.filter((t): t is number => t !== undefined);
    expect(times).toHaveLength(400);
    expect(busiestWindow(times, 1000)).toBe(20);
  });
});

describe('RateLimiter: bounded waits', () => {
  it('refuses at once a call that would wait longer than it may, with the wait it would have had', async () => {
    const { clock, grants, errors, call } = setup({ perSecond: 2, burst: 2 });
    for (let i = 0; i < 5; i++) void call(1000);
    await settle();
    expect(clock.now()).toBe(0);
    // A and B at once; C and D when A's and B's window ends; E would need a second window.
    expect(errors[4]).toBeInstanceOf(SlotUnavailable);
    expect(errors[4]).toMatchObject({ retryAfterMs: 2000, heldByProvider: false });
    await clock.advance(5000);
    expect(grants.slice(0, 4)).toEqual([0, 0, 1000, 1000]);
  });

  it('refuses a queued call at its deadline when the estimate was too hopeful', async () => {
    const { clock, grants, errors, limiter, call } = setup({ perSecond: 1, burst: 1 });
    const inFlight = await limiter.acquire(60_000); // never released until 3500
    void call(3000, { label: 1 });
    await clock.advance(2999);
    expect(errors[1]).toBeUndefined();
    await clock.advance(1);
    expect(errors[1]).toBeInstanceOf(SlotUnavailable);
    await clock.advance(500);
    inFlight();
    void call(60_000, { label: 2 });
    await clock.advance(2000);
    expect(grants[2]).toBe(4500);
  });

  it('keeps one timer, whatever the queue length (no polling)', async () => {
    const { clock, grants, call } = setup({ perSecond: 10, burst: 1 });
    for (let i = 0; i < 200; i++) void call();
    for (let t = 0; t < 25_000; t += 250) {
      await clock.advance(250);
      expect(clock.pending).toBeLessThanOrEqual(1);
    }
    expect(grants.every((t) => t !== undefined)).toBe(true);
    expect(clock.scheduled).toBeLessThanOrEqual(200);
  });

  it('refuses every waiter when closed', async () => {
    const { clock, errors, limiter, call } = setup({ perSecond: 1, burst: 1 });
    void call();
    void call();
    await settle();
    limiter.close();
    await settle();
    expect(errors[1]).toBeInstanceOf(LimiterClosed);
    await expect(limiter.acquire(1000)).rejects.toBeInstanceOf(LimiterClosed);
    expect(clock.pending).toBe(0);
  });
});

describe('RateLimiter without a rate: only the hold applies', () => {
  it('grants at once, and queues everything behind a hold, releasing it in order', async () => {
    const { clock, gate, grants, call } = setup(undefined);
    for (let i = 0; i < 50; i++) void call();
    await settle();
    expect(grants.every((t) => t === 0)).toBe(true);
    gate.hold(1500);
    const order: number[] = [];
    for (let i = 0; i < 5; i++) void call().then(() => order.push(i));
    await clock.advance(1499);
    expect(order).toEqual([]);
    await clock.advance(1);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(grants.slice(50)).toEqual([1500, 1500, 1500, 1500, 1500]);
  });
});
