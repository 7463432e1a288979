import { describe, expect, it } from 'vitest';
import { ProviderGuard } from '../../../src/providers/guard/guard.js';
import { RetryAfterGate } from '../../../src/providers/guard/retry-after.js';
import { FakeClock } from './fake-clock.js';

describe('RetryAfterGate', () => {
  it('holds until the latest Retry-After, never shorter, and tells its listeners', async () => {
    const clock = new FakeClock();
    const gate = new RetryAfterGate(60_000, clock);
    let changes = 0;
    gate.onChange(() => changes++);
    expect(gate.remainingMs()).toBe(0);
    gate.hold(3000);
    await clock.advance(1000);
    gate.hold(1000); // ends at 2000, before the 3000 already held: no change
    expect(gate.remainingMs()).toBe(2000);
    gate.hold(5000);
    expect(gate.openAt()).toBe(6000);
    expect(changes).toBe(2);
  });

  it('caps one hold at maxHoldMs', () => {
    const clock = new FakeClock();
    const gate = new RetryAfterGate(5000, clock);
    gate.hold(120_000);
    expect(gate.remainingMs()).toBe(5000);
  });
});

describe("a provider's Retry-After holds every call, not only the one that got it", () => {
  it('queues the other calls until then and refuses those that may not wait that long', async () => {
    const clock = new FakeClock();
    const guard = new ProviderGuard({ clock, maxWaitMs: 2000, maxHoldMs: 60_000 });
    const first = guard.admit();
    const release = await guard.slot(first);
    guard.retryAfter(1500); // the first call's answer was a 429, Retry-After: 1.5 s
    release();
    const sent: number[] = [];
    const others = [1, 2, 3].map(() => guard.slot(guard.admit()).then((r) => (sent.push(clock.now()), r())));
    await clock.advance(1499);
    expect(sent).toEqual([]);
    expect(guard.health().queued).toBe(3);
    await clock.advance(1);
    await Promise.all(others);
    expect(sent).toEqual([1500, 1500, 1500]);

    guard.retryAfter(10_000);
    await expect(guard.slot(guard.admit())).rejects.toMatchObject({
      reason: 'rate-limited',
      detail: "held by the provider's Retry-After",
      retryAfterMs: 10_000,
    });
    // The call that got the 429 may wait the delay it was given, past the usual bound.
    const retry = guard.slot(first, { maxWaitMs: 10_000 });
    await clock.advance(10_000);
    await expect(retry).resolves.toBeTypeOf('function');
  });
});
