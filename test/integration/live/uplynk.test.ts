import { describe, expect, it } from 'vitest';
import type { AssetKey } from '../../../src/live/index.js';
import type { Change } from '../../../src/providers/types.js';
import { iterate, take, useLive } from './harness.js';

const CHANGES = 'POST /api2/asset/changes';
const GET = 'POST /api2/asset/get';

const { sandbox, live } = useLive();

const key = (id: string): AssetKey => ({ provider: 'UPLYNK', id });

describe('live engine over Uplynk', () => {
  it('reads 200 watched assets with one change-feed call per tick, and a delete arrives through the feed', async () => {
    const server = sandbox.servers.UPLYNK;
    const undeleted = sandbox.stores.UPLYNK.all().filter((a) => a.deleted === undefined);
    const slicing = undeleted.filter((a) => a.state !== 'ready');
    const ready = undeleted.filter((a) => a.state === 'ready').slice(0, 200 - slicing.length);
    expect(slicing.length).toBeGreaterThan(1);

    server.resetCounters();
    const watch = iterate(live.engine.watch([...slicing, ...ready].map((a) => key(a.id))));
    const first = await take(watch, 200);
    expect(first.filter((a) => a.status === 'PROCESSING')).toHaveLength(slicing.length);
    // The watcher's own read, and the poller's when it starts on the feed: one batched get each, or
    // one shared get when they overlap (the shared batcher coalesces the same ids in flight).
    await live.ticks.count('UPLYNK', 2, (t) => t.polled);
    expect(server.calls(GET)).toBeGreaterThanOrEqual(1);
    expect(server.calls(GET)).toBeLessThanOrEqual(2);

    server.resetCounters();
    const ticks = await live.ticks.count('UPLYNK', 3, (t) => t.polled);
    expect(ticks.every((t) => t.watched === 200)).toBe(true);
    expect(server.calls(CHANGES)).toBe(3);
    expect(server.calls()).toBe(3);

    const doomed = slicing[0]!.id;
    const result = await live.providers.get('UPLYNK').writer!.deleteAssets([doomed], { force: false });
    expect(result.deleted).toEqual([doomed]);
    const [deleted] = await take(watch, 1);
    expect(deleted).toMatchObject({ provider: 'UPLYNK', providerId: doomed, status: 'DELETED' });
    await watch.return!();
  });

  it('streams the native feed to change subscribers, including changes a watcher does not care about', async () => {
    const target = sandbox.stores.UPLYNK.all().find((a) => a.state === 'ready' && a.deleted === undefined)!;
    const feed = iterate(live.engine.changes('UPLYNK', undefined));
    // The feed reader starts from "now" at its first tick; change nothing before it reads.
    await live.ticks.next('UPLYNK', (t) => t.polled);
    await live.providers.get('UPLYNK').updater!.updateAsset(target.id, { name: 'Renamed while live' });
    const [change] = await take(feed, 1);
    expect(change).toMatchObject({
      provider: 'UPLYNK',
      providerId: target.id,
      action: 'UPDATED',
      asset: { name: 'Renamed while live' },
    });
    expect(change!.at).toBeInstanceOf(Date);
    await feed.return!();
  });

  it('replays the feed from `since`, in order, before live changes', async () => {
    const log = sandbox.stores.UPLYNK.changeLog();
    const since = new Date(log[log.length - 5]![0]);
    const feed = iterate(live.engine.changes('UPLYNK', since));
    const replayed: Change[] = await take(feed, 5);
    expect(replayed.map((c) => c.at.getTime())).toEqual(log.slice(-5).map(([ts]) => ts));
    expect(replayed.every((c) => c.at >= since)).toBe(true);
    await feed.return!();
  });
});
