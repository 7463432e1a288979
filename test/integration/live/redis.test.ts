import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetKey } from '../../../src/live/index.js';
import type { Asset } from '../../../src/providers/types.js';
import { startSandbox, type Sandbox } from '../../../sandbox/index.js';
import { deleteKeys, redisUrlForTests, uniqueKeyPrefix } from '../../helpers/redis.js';
import { iterate, startLive, take, type LiveHarness } from './harness.js';

const LIST = 'GET /assets';

let sandbox: Sandbox;
let redis: Redis;
const url = redisUrlForTests();
const prefix = uniqueKeyPrefix();
const started: LiveHarness[] = [];

/** An engine of its own "app instance": own registry, own counters, the shared Redis and prefix. */
function instance(instanceId: string, keyPrefix = prefix): LiveHarness {
  const live = startLive(sandbox, { redisUrl: url, keyPrefix, instanceId });
  started.push(live);
  return live;
}

const listCalls = (live: LiveHarness) => live.calls.filter((c) => c.provider === 'TWELVE_LABS' && c.endpoint === LIST).length;
const tl = (asset: Asset): AssetKey => ({ provider: 'TWELVE_LABS', id: asset.providerId });

async function upload(live: LiveHarness, name: string, delayMs: number): Promise<Asset> {
  sandbox.stores.TWELVE_LABS.uploadDelayMs = delayMs;
  return live.providers.get('TWELVE_LABS').writer!.upload!({ filename: `${name}.mp4`, url: `https://media.example/${name}.mp4` });
}

beforeAll(async () => {
  sandbox = await startSandbox();
  redis = new Redis(url);
});

afterAll(async () => {
  await Promise.all(started.map((live) => live.stop()));
  await deleteKeys(url, prefix);
  await redis?.quit();
  await sandbox?.stop();
});

describe('live engine across instances, through Redis', () => {
  it('serves a watcher on B from A’s poller, then from B’s own when A goes away', async () => {
    const a = instance('A');
    await a.ticks.next('TWELVE_LABS', (t) => t.leader);
    const b = instance('B');
    await b.ticks.next('TWELVE_LABS', (t) => !t.leader);

    const soon = await upload(b, 'soon', 700);
    const later = await upload(b, 'later', 2500);
    const watch = iterate(b.engine.watch([tl(soon), tl(later)]));
    expect((await take(watch, 2)).map((x) => x.status)).toEqual(['PROCESSING', 'PROCESSING']);
    // B's ids are in the shared registry, for A to poll.
    const members = await redis.zrange(`${prefix}watch:TWELVE_LABS`, 0, -1);
    expect(members.sort()).toEqual([`B|${soon.providerId}`, `B|${later.providerId}`].sort());

    const [first] = await take(watch, 1);
    expect(first).toMatchObject({ providerId: soon.providerId, status: 'READY' });
    expect(a.engine.stats().polling).toContain('TWELVE_LABS');
    expect(b.engine.stats().polling).not.toContain('TWELVE_LABS');
    expect(listCalls(a)).toBeGreaterThan(0);
    // B read the first state itself (one batch) and never polled.
    expect(listCalls(b)).toBe(1);
    expect(b.ticks.ticks.filter((t) => t.provider === 'TWELVE_LABS').every((t) => !t.leader && !t.polled)).toBe(true);
    expect(await redis.get(`${prefix}lease:TWELVE_LABS`)).toBe('A');

    await a.stop();
    await b.ticks.next('TWELVE_LABS', (t) => t.leader && t.polled);
    expect(b.engine.stats().polling).toContain('TWELVE_LABS');
    const [second] = await take(watch, 1);
    expect(second).toMatchObject({ providerId: later.providerId, status: 'READY' });
    expect(await watch.next()).toEqual({ done: true, value: undefined });
    expect(listCalls(b)).toBeGreaterThan(1);
    expect(await redis.zcard(`${prefix}watch:TWELVE_LABS`)).toBe(0);
  });

  it('delivers a mutation published on one instance to a watcher on another at once', async () => {
    const c = instance('C');
    const d = instance('D');
    const id = sandbox.stores.TWELVE_LABS.idsWithInitialStatus('waiting')[0]!;
    const watch = iterate(c.engine.watch([{ provider: 'TWELVE_LABS', id }]));
    const [current] = await take(watch, 1);
    expect(current!.status).toBe('PROCESSING');
    expect(current!.createdAt).toBeInstanceOf(Date);

    await d.engine.publish({ ...current!, status: 'READY', durationSeconds: 42 });
    const [published] = await take(watch, 1);
    expect(published).toMatchObject({ providerId: id, status: 'READY', durationSeconds: 42 });
    // Dates survive the trip through Redis.
    expect(published!.createdAt).toEqual(current!.createdAt);
    expect(await watch.next()).toEqual({ done: true, value: undefined });
  });

  it('lets another instance take a lease its holder left behind once it lapses', async () => {
    // A prefix of its own: the instances of the tests above hold this run's leases.
    const own = `${prefix}ghost:`;
    const ghost = `${own}lease:VIDEO_JUNGLE`;
    await redis.set(ghost, 'crashed-instance', 'PX', 600);
    const e = instance('E', own);
    const before = await e.ticks.next('VIDEO_JUNGLE');
    expect(before.leader).toBe(false);
    await e.ticks.next('VIDEO_JUNGLE', (t) => t.leader);
    expect(await redis.get(ghost)).toBe('E');
    await e.stop();
    expect(await redis.get(ghost)).toBeNull();
  });
});
