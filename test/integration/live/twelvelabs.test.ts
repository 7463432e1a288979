import { beforeEach, describe, expect, it } from 'vitest';
import type { AssetKey } from '../../../src/live/index.js';
import type { Asset } from '../../../src/providers/types.js';
import { drain, iterate, take, useLive } from './harness.js';

const LIST = 'GET /assets';

const { sandbox, live } = useLive();

beforeEach(() => sandbox.clearFaults());

/** `n` url uploads that stay PROCESSING for `delayMs`, then turn READY. */
async function upload(n: number, delayMs: number): Promise<Asset[]> {
  sandbox.stores.TWELVE_LABS.uploadDelayMs = delayMs;
  const writer = live.providers.get('TWELVE_LABS').writer!;
  const uploads = Array.from({ length: n }, (_, i) => writer.upload!({ filename: `live-${i}.mp4`, url: `https://media.example/live-${i}.mp4` }));
  return Promise.all(uploads);
}

const keysOf = (assets: Asset[]): AssetKey[] => assets.map((a) => ({ provider: 'TWELVE_LABS', id: a.providerId }));

describe('live engine over Twelve Labs', () => {
  it('shows an upload as exactly [PROCESSING, READY], then completes', async () => {
    const [asset] = await upload(1, 600);
    const seen = await drain(iterate(live.engine.watch(keysOf([asset!]))));
    expect(seen.map((a) => a.status)).toEqual(['PROCESSING', 'READY']);
    expect(seen[1]).toMatchObject({ providerId: asset!.providerId, sizeBytes: expect.any(Number) });
    expect(live.engine.stats()).toMatchObject({ watchedAssets: 0, subscribers: 0 });
  });

  it('polls 50 assets with one call per tick whether 1 or 1,000 clients watch them, and stops when they leave', async () => {
    const server = sandbox.servers.TWELVE_LABS;
    const keys = keysOf(await upload(50, 120_000));
    const first = iterate(live.engine.watch(keys));
    expect((await take(first, 50)).every((a) => a.status === 'PROCESSING')).toBe(true);

    await live.ticks.next('TWELVE_LABS', (t) => t.polled);
    server.resetCounters();
    await live.ticks.count('TWELVE_LABS', 3, (t) => t.polled);
    const oneWatcher = server.calls(LIST);

    // 999 more subscribe at once: their first reads share one batch.
    const before = live.ticks.ticks.filter((t) => t.provider === 'TWELVE_LABS' && t.polled).length;
    server.resetCounters();
    const others = Array.from({ length: 999 }, () => iterate(live.engine.watch(keys)));
    await Promise.all(others.map((it) => take(it, 50)));
    const pollsMeanwhile = live.ticks.ticks.filter((t) => t.provider === 'TWELVE_LABS' && t.polled).length - before;
    expect(server.calls(LIST) - pollsMeanwhile).toBe(1);
    expect(live.engine.stats()).toMatchObject({ watchedAssets: 50, subscribers: 1000 });

    await live.ticks.next('TWELVE_LABS', (t) => t.polled);
    server.resetCounters();
    await live.ticks.count('TWELVE_LABS', 3, (t) => t.polled);
    const thousandWatchers = server.calls(LIST);
    expect(oneWatcher).toBe(3);
    expect(thousandWatchers).toBe(oneWatcher);
    expect(server.calls()).toBe(thousandWatchers);

    await Promise.all([first, ...others].map((it) => it.return!()));
    expect(live.engine.stats()).toMatchObject({ watchedAssets: 0, subscribers: 0 });
    await live.ticks.next('TWELVE_LABS');
    server.resetCounters();
    const idle = await live.ticks.count('TWELVE_LABS', 3);
    expect(idle.every((t) => !t.polled && t.watched === 0)).toBe(true);
    expect(server.calls()).toBe(0);
  });

  it('keeps a watch open through a provider outage and still delivers READY after it', async () => {
    const server = sandbox.servers.TWELVE_LABS;
    const [asset] = await upload(1, 700);
    const id = asset!.providerId;
    const watch = iterate(live.engine.watch(keysOf([asset!])));
    expect((await take(watch, 1))[0]!.status).toBe('PROCESSING');

    server.faults.always({ type: 'status', status: 503, message: 'maintenance' });
    const next = watch.next();
    await live.ticks.count('TWELVE_LABS', 2, (t) => t.error !== undefined);
    // Keep the provider down until the asset is ready there, so only a poll after recovery can see it.
    await live.ticks.next('TWELVE_LABS', () => sandbox.stores.TWELVE_LABS.get(id)?.status === 'ready');
    expect(live.engine.stats().subscribers).toBe(1);
    server.faults.clear();

    const ready = await next;
    expect(ready).toMatchObject({ done: false, value: { providerId: id, status: 'READY' } });
    expect(await watch.next()).toEqual({ done: true, value: undefined });
  });
});
