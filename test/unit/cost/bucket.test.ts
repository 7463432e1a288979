import { describe, expect, it } from 'vitest';
import { createMemoryBucket } from '../../../src/cost/bucket.js';

describe('the in-memory leaky bucket', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('takes while it holds enough, then refuses with the whole seconds until it will', async () => {
    const c = clock();
    const bucket = createMemoryBucket({ capacity: 10, restoreRate: 2 }, c.now);
    expect(await bucket.take('a', 7)).toEqual({ ok: true, available: 3 });
    expect(await bucket.take('a', 6)).toEqual({ ok: false, available: 3, retryAfterSeconds: 2 });
    c.advance(1500);
    expect(await bucket.take('a', 6)).toEqual({ ok: true, available: 0 });
  });

  it('refills up to its capacity, never past it, and keeps callers apart', async () => {
    const c = clock();
    const bucket = createMemoryBucket({ capacity: 10, restoreRate: 2 }, c.now);
    await bucket.take('a', 10);
    expect(await bucket.adjust('b', 0)).toBe(10);
    c.advance(60_000);
    expect(await bucket.adjust('a', 0)).toBe(10);
  });

  it('refunds the difference to the actual cost, and charges more when an operation spent more', async () => {
    const bucket = createMemoryBucket({ capacity: 10, restoreRate: 1 }, () => 0);
    await bucket.take('a', 8);
    expect(await bucket.adjust('a', 8 - 3)).toBe(7);
    expect(await bucket.adjust('a', -9)).toBe(-2);
    expect((await bucket.take('a', 1)).ok).toBe(false);
  });
});
