import { describe, expect, it } from 'vitest';
import { GuardRefusal, ProviderGuard, type GuardEvent } from '../../../src/providers/guard/guard.js';
import { FakeClock } from './fake-clock.js';

function setup(limited = true) {
  const clock = new FakeClock();
  const events: GuardEvent[] = [];
  const guard = new ProviderGuard({
    clock,
    rateLimit: limited ? { perSecond: 1, burst: 1 } : undefined,
    maxWaitMs: 5000,
    breaker: { failureThreshold: 2, cooldownMs: 3000 },
    onEvent: (e) => events.push(e),
  });
  return { clock, guard, events };
}

describe('ProviderGuard', () => {
  it('refuses while the circuit is open with a circuit message, and reports its health', async () => {
    const { clock, guard, events } = setup(false);
    for (let i = 0; i < 2; i++) {
      const permit = guard.admit();
      (await guard.slot(permit))();
      guard.settle(permit, 'failure');
    }
    expect(guard.health()).toMatchObject({ breaker: 'open', rateLimitedUntil: null, queued: 0 });
    let refused: unknown;
    try {
      guard.admit();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(GuardRefusal);
    expect(refused).toMatchObject({ reason: 'circuit-open', retryAfterMs: 3000 });
    expect((refused as Error).message).toMatch(/^circuit open after 2 consecutive failures; retrying in 3s$/);
    await clock.advance(3000);
    expect(guard.health().breaker).toBe('half-open');
    const probe = guard.admit();
    (await guard.slot(probe))();
    guard.settle(probe, 'success');
    expect(guard.health().breaker).toBe('closed');
    expect(events.filter((e) => e.type === 'breaker')).toEqual([
      { type: 'breaker', state: 'open' },
      { type: 'breaker', state: 'half-open' },
      { type: 'breaker', state: 'closed' },
    ]);
  });

  it('does not let a queued call through once the circuit opened while it waited', async () => {
    const { clock, guard } = setup();
    const a = guard.admit();
    const releaseA = await guard.slot(a);
    const b = guard.admit();
    const queued = guard.slot(b); // waits for the 1/s slot
    const c = guard.admit();
    releaseA();
    guard.settle(a, 'failure');
    guard.settle(c, 'failure'); // second consecutive failure: open
    const outcome = queued.then(
      () => 'sent',
      (e: GuardRefusal) => e.reason,
    );
    await clock.advance(2000);
    expect(await outcome).toBe('circuit-open');
    guard.settle(b, 'none');
  });

  it('reports the Retry-After hold as a wall-clock time, and rate-limit waits as events', async () => {
    const { clock, guard, events } = setup();
    guard.retryAfter(2000);
    const until = guard.health().rateLimitedUntil;
    expect(until).not.toBeNull();
    expect(Math.abs(until! - (Date.now() + 2000))).toBeLessThan(100);
    const slot = guard.slot(guard.admit());
    await clock.advance(2000);
    (await slot)();
    expect(events).toContainEqual({ type: 'retry-after', holdMs: 2000 });
    expect(events).toContainEqual({ type: 'wait', waitedMs: 2000 });
    expect(guard.health().rateLimitedUntil).toBeNull();
  });

  it('refuses the waiting calls on close', async () => {
    const { guard } = setup();
    (await guard.slot(guard.admit()))();
    const waiting = guard.slot(guard.admit());
    guard.close();
    await expect(waiting).rejects.toMatchObject({ reason: 'closed' });
  });
});
