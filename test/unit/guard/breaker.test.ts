import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpen, type BreakerState } from '../../../src/providers/guard/breaker.js';
import { FakeClock } from './fake-clock.js';

function setup(failureThreshold = 3, cooldownMs = 10_000) {
  const clock = new FakeClock();
  const changes: BreakerState[] = [];
  const breaker = new CircuitBreaker({ failureThreshold, cooldownMs }, clock, (s) => changes.push(s));
  /** One request that ends with `outcome`. */
  const run = (outcome: 'success' | 'failure') => {
    const permit = breaker.admit();
    if (outcome === 'success') breaker.succeeded(permit);
    else breaker.failed(permit);
    return permit;
  };
  return { clock, breaker, changes, run };
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures; a success in between starts the count again', () => {
    const { breaker, changes, run } = setup(3);
    run('failure');
    run('failure');
    run('success'); // e.g. a 404: the provider answered
    run('failure');
    run('failure');
    expect(breaker.state()).toBe('closed');
    expect(breaker.consecutiveFailures).toBe(2);
    run('failure');
    expect(breaker.state()).toBe('open');
    expect(changes).toEqual(['open']);
  });

  it('fails fast while open, saying when it will try again', async () => {
    const { clock, breaker, run } = setup(3, 10_000);
    for (let i = 0; i < 3; i++) run('failure');
    await clock.advance(2500);
    let refused: unknown;
    try {
      breaker.admit();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CircuitOpen);
    expect(refused).toMatchObject({ state: 'open', retryInMs: 7500 });
    expect((refused as Error).message).toBe('circuit open after 3 consecutive failures; retrying in 8s');
  });

  it('after the cool-down lets exactly one probe through; its success closes the circuit', async () => {
    const { clock, breaker, changes, run } = setup(2, 1000);
    run('failure');
    run('failure');
    await clock.advance(1000);
    expect(breaker.state()).toBe('half-open');
    const probe = breaker.admit();
    expect(probe.probe).toBe(true);
    expect(() => breaker.admit()).toThrow(/half-open; a probe call is checking/);
    breaker.succeeded(probe);
    expect(breaker.state()).toBe('closed');
    expect(breaker.admit().probe).toBe(false);
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('reopens for a fresh cool-down when the probe fails', async () => {
    const { clock, breaker, changes, run } = setup(2, 1000);
    run('failure');
    run('failure');
    await clock.advance(1500);
    breaker.failed(breaker.admit());
    expect(breaker.state()).toBe('open');
    expect(() => breaker.admit()).toThrow('circuit open after the probe call failed too; retrying in 1s');
    await clock.advance(999);
    expect(breaker.state()).toBe('open');
    await clock.advance(1);
    expect(breaker.state()).toBe('half-open');
    expect(changes).toEqual(['open', 'half-open', 'open']);
  });

  it('a probe that never reached the provider hands the probe to the next request', async () => {
    const { clock, breaker, run } = setup(1, 1000);
    run('failure');
    await clock.advance(1000);
    const probe = breaker.admit();
    breaker.abandoned(probe);
    expect(breaker.admit().probe).toBe(true);
  });

  it('ignores requests admitted before it opened, and stops their retries', () => {
    const { breaker, run } = setup(2);
    const straggler = breaker.admit();
    run('failure');
    run('failure');
    expect(breaker.allows(straggler)).toBe(false);
    expect(() => breaker.check(straggler)).toThrow(CircuitOpen);
    breaker.succeeded(straggler); // a slow answer from before: must not close it
    expect(breaker.state()).toBe('open');
  });
});
