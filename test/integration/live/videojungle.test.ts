import { describe, expect, it } from 'vitest';
import { drain, iterate, take, useLive } from './harness.js';

const CHECK = 'GET /assets/check/:id';
const GET = 'GET /assets/:id';

const { sandbox, live } = useLive();

describe('live engine over Video Jungle', () => {
  it('checks each pending asset once per tick, reads it again when it lands, and delivers READY', async () => {
    const server = sandbox.servers.VIDEO_JUNGLE;
    const store = sandbox.stores.VIDEO_JUNGLE;
    store.settlePendingIn(120_000);
    const pending = store.pendingAssetIds().filter((id) => store.asset(id)?.landsAt !== null);
    expect(pending.length).toBeGreaterThan(1);

    const watch = iterate(live.engine.watch(pending.map((id) => ({ provider: 'VIDEO_JUNGLE' as const, id }))));
    const first = await take(watch, pending.length);
    expect(first.every((a) => a.status === 'PENDING' || a.status === 'PROCESSING')).toBe(true);

    // The poller's first look is a full read; from then on, checks only.
    await live.ticks.count('VIDEO_JUNGLE', 2, (t) => t.polled);
    server.resetCounters();
    await live.ticks.count('VIDEO_JUNGLE', 3, (t) => t.polled);
    expect(server.calls(CHECK)).toBe(3 * pending.length);
    expect(server.calls()).toBe(3 * pending.length);

    server.resetCounters();
    store.settlePendingIn(300);
    const landed = await drain(watch);
    expect(landed.map((a) => a.status)).toEqual(pending.map(() => 'READY'));
    expect(new Set(landed.map((a) => a.providerId))).toEqual(new Set(pending));
    expect(server.calls(GET)).toBe(pending.length);
  });
});
