import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryBus } from '../../../src/live/bus.js';
import type { LeaseKeeper, WatchDirectory } from '../../../src/live/coordination.js';
import { PollLoop } from '../../../src/live/poll/loop.js';
import type { PollStrategy } from '../../../src/live/poll/strategy.js';
import type { TickInfo } from '../../../src/live/types.js';
import { ProviderError } from '../../../src/errors/domain.js';
import { tlAsset } from './fixtures.js';

const INTERVAL = 20;
const loops: PollLoop[] = [];

afterEach(async () => {
  await Promise.all(loops.splice(0).map((loop) => loop.stop()));
});

function directory(ids: string[]): WatchDirectory {
  return {
    added: async () => {},
    removed: async () => {},
    heartbeat: async () => {},
    watched: async () => new Set(ids),
    clear: async () => {},
  };
}

function start(strategy: PollStrategy, leases: LeaseKeeper = { hold: async () => true, release: async () => {} }, bus = createMemoryBus()) {
  const ticks: TickInfo[] = [];
  let notify: (() => void) | undefined;
  const loop = new PollLoop({
    provider: 'TWELVE_LABS',
    instanceId: 'test',
    strategy,
    directory: directory(['a']),
    leases,
    bus,
    topic: 'events',
    pollIntervalMs: INTERVAL,
    maxBackoffMs: 1000,
    logger: { warn() {}, info() {} },
    onTick: (info) => {
      ticks.push(info);
      notify?.();
    },
  });
  loops.push(loop);
  loop.start();
  const until = (predicate: () => boolean) =>
    new Promise<void>((resolve) => {
      notify = () => predicate() && resolve();
    });
  return { loop, ticks, until };
}

const fakeStrategy = (poll: PollStrategy['poll']) => ({ poll: vi.fn(poll), reset: vi.fn(), observe: vi.fn() });

describe('PollLoop', () => {
  it('keeps ticking through a 429 but leaves the provider alone for its Retry-After', async () => {
    const limited = new ProviderError('RATE_LIMITED', 'TWELVE_LABS', 'GET /assets', 'slow down', { status: 429, retryAfterMs: 300 });
    const calls: number[] = [];
    const strategy = fakeStrategy(async () => {
      calls.push(performance.now());
      if (calls.length === 1) throw limited;
      return { entries: [], polled: true };
    });
    const { ticks, until } = start(strategy);
    await until(() => calls.length >= 2);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(290);
    const between = ticks.filter((t) => !t.polled && t.leader);
    expect(between.length).toBeGreaterThanOrEqual(3);
    expect(ticks[0]!.error).toBe(limited);
  });

  it('polls only while it holds the lease, and forgets what it saw when it loses it', async () => {
    let held = true;
    const strategy = fakeStrategy(async () => ({ entries: [], polled: true }));
    const leases: LeaseKeeper = { hold: async () => held, release: vi.fn(async () => {}) };
    const { loop, ticks, until } = start(strategy, leases);
    await until(() => ticks.length >= 2);
    expect(loop.leader).toBe(true);
    held = false;
    const lostAt = ticks.length;
    await until(() => ticks.length >= lostAt + 3);
    expect(loop.leader).toBe(false);
    expect(strategy.reset).toHaveBeenCalled();
    const polls = strategy.poll.mock.calls.length;
    await until(() => ticks.length >= lostAt + 5);
    expect(strategy.poll.mock.calls.length).toBe(polls);
    await loop.stop();
    expect(leases.release).not.toHaveBeenCalled();
  });

  it('publishes what the strategy found, and starts over when publishing fails', async () => {
    const bus = createMemoryBus();
    const received: unknown[] = [];
    bus.subscribe('events', (batch) => received.push(batch));
    const entry = { id: 'a', asset: tlAsset('a', 'READY'), deleted: false, change: null };
    const strategy = fakeStrategy(async () => ({ entries: [entry], polled: true }));
    const { ticks, until } = start(strategy, undefined, bus);
    await until(() => received.length >= 1);
    expect(received[0]).toEqual({ provider: 'TWELVE_LABS', entries: [entry] });

    vi.spyOn(bus, 'publish').mockRejectedValue(new Error('redis down'));
    const at = ticks.length;
    await until(() => ticks.length >= at + 2);
    expect(strategy.reset).toHaveBeenCalled();
  });
});
