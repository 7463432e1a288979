import { describe, expect, it, vi } from 'vitest';
import { createLocalCoordination } from '../../../src/live/coordination.js';
import { createBatchReadStrategy } from '../../../src/live/poll/batch-read.js';
import { createCheckReadStrategy } from '../../../src/live/poll/check-read.js';
import { createFeedReadStrategy } from '../../../src/live/poll/feed-read.js';
import { WatchRegistry } from '../../../src/live/registry.js';
import { ALL_IDS } from '../../../src/live/types.js';
import { ProviderError } from '../../../src/errors/domain.js';
import type { Asset, Change, ChangeFeedPage } from '../../../src/providers/types.js';
import type { AssetProvider } from '../../../src/providers/port.js';
import { tlAsset, uplynkAsset } from './fixtures.js';

function fakeAssets(state: Map<string, Asset>, provider: Asset['provider'] = 'TWELVE_LABS', maxBatch = 50) {
  const getAssets = vi.fn(async (ids: readonly string[]) => ids.flatMap((id) => state.get(id) ?? []));
  const assets = { name: provider, maxBatch, getAssets } as unknown as AssetProvider;
  return { assets, getAssets };
}

const ids = (...list: string[]) => new Set(list);

describe('batch-read strategy (multi-get providers)', () => {
  it('sends a first look as an observation, then only changes, each as a Change', async () => {
    const state = new Map<string, Asset>([
      ['a', tlAsset('a', 'PROCESSING')],
      ['b', tlAsset('b', 'PROCESSING')],
    ]);
    const { assets, getAssets } = fakeAssets(state);
    const strategy = createBatchReadStrategy(assets);

    const first = await strategy.poll(ids('a', 'b'));
    expect(first.entries.map((e) => [e.id, e.change])).toEqual([
      ['a', null],
      ['b', null],
    ]);
    expect(getAssets).toHaveBeenLastCalledWith(['a', 'b']);

    expect((await strategy.poll(ids('a', 'b'))).entries).toEqual([]);

    state.set('a', tlAsset('a', 'READY'));
    const third = await strategy.poll(ids('a', 'b'));
    expect(third.entries).toHaveLength(1);
    expect(third.entries[0]!.change).toMatchObject({ action: 'UPDATED', providerId: 'a', asset: { status: 'READY' } });

    // READY is terminal: only b is still asked for.
    await strategy.poll(ids('a', 'b'));
    expect(getAssets).toHaveBeenLastCalledWith(['b']);
  });

  it('reports a vanished asset as DELETED once, and asks nothing when nothing is due', async () => {
    const state = new Map<string, Asset>([['a', tlAsset('a', 'PROCESSING')]]);
    const { assets, getAssets } = fakeAssets(state);
    const strategy = createBatchReadStrategy(assets);
    await strategy.poll(ids('a'));
    state.delete('a');
    const gone = await strategy.poll(ids('a'));
    expect(gone.entries[0]).toMatchObject({ id: 'a', deleted: true, asset: { status: 'DELETED' }, change: { action: 'DELETED' } });
    getAssets.mockClear();
    expect(await strategy.poll(ids('a'))).toEqual({ entries: [], polled: false });
    expect(getAssets).not.toHaveBeenCalled();
  });

  it('takes a mutation’s published state as what it saw, so the poll does not report it again', async () => {
    const state = new Map<string, Asset>([['a', tlAsset('a', 'PROCESSING')]]);
    const { assets } = fakeAssets(state);
    const strategy = createBatchReadStrategy(assets);
    await strategy.poll(ids('a'));
    strategy.observe({ provider: 'TWELVE_LABS', entries: [{ id: 'a', asset: tlAsset('a', 'FAILED'), deleted: false, change: null }] });
    expect((await strategy.poll(ids('a'))).entries).toEqual([]);
  });

  it('reads in parts of the batch size, all at once', async () => {
    const list = Array.from({ length: 120 }, (_, i) => `p${i}`);
    const state = new Map<string, Asset>(list.map((id) => [id, tlAsset(id, 'PROCESSING')]));
    const { assets, getAssets } = fakeAssets(state);
    // No part answers until all three were asked.
    let releaseAll!: () => void;
    const held = new Promise<void>((resolve) => (releaseAll = resolve));
    getAssets.mockImplementation(async (asked) => {
      await held;
      return asked.map((id) => state.get(id)!);
    });
    const polled = createBatchReadStrategy(assets).poll(new Set(list));
    await vi.waitFor(() => expect(getAssets.mock.calls.map(([asked]) => asked.length)).toEqual([50, 50, 20]));
    releaseAll();
    const result = await polled;
    expect(result.entries.map((e) => e.id)).toEqual(list);
    expect(result).toMatchObject({ polled: true });
    expect(result.error).toBeUndefined();
  });

  it('fails only the ids of a part that fails; throws when every part does', async () => {
    const list = Array.from({ length: 100 }, (_, i) => `f${i}`);
    const state = new Map<string, Asset>(list.map((id) => [id, tlAsset(id, 'PROCESSING')]));
    const { assets, getAssets } = fakeAssets(state);
    const down = new ProviderError('UNAVAILABLE', 'TWELVE_LABS', 'GET /assets', 'unavailable');
    getAssets.mockImplementation(async (asked) => {
      if (asked.includes('f0')) throw down;
      return asked.map((id) => state.get(id)!);
    });
    const strategy = createBatchReadStrategy(assets);
    const partial = await strategy.poll(new Set(list));
    expect(partial.error).toBe(down);
    expect(partial.entries.map((e) => e.id)).toEqual(list.slice(50));
    // The failed part was not seen: the next poll reports it; the other part is no news.
    getAssets.mockImplementation(async (asked) => asked.map((id) => state.get(id)!));
    expect((await strategy.poll(new Set(list))).entries.map((e) => e.id)).toEqual(list.slice(0, 50));
    getAssets.mockRejectedValue(down);
    state.set('f0', tlAsset('f0', 'READY'));
    await expect(strategy.poll(new Set(list))).rejects.toBe(down);
  });

  it('groups ids of a provider without a multi-get into parts of 50', async () => {
    const list = Array.from({ length: 60 }, (_, i) => `r${i}`);
    const state = new Map<string, Asset>(list.map((id) => [id, tlAsset(id, 'PROCESSING')]));
    const { assets, getAssets } = fakeAssets(state, 'VIDEO_JUNGLE', 1);
    const result = await createBatchReadStrategy(assets).poll(new Set(list));
    expect(getAssets.mock.calls.map(([asked]) => asked.length)).toEqual([50, 10]);
    expect(result.entries).toHaveLength(60);
  });

  it('forgets ids nobody watches and starts over after a reset', async () => {
    const state = new Map<string, Asset>([['a', tlAsset('a', 'PROCESSING')]]);
    const { assets } = fakeAssets(state);
    const strategy = createBatchReadStrategy(assets);
    await strategy.poll(ids('a'));
    expect(await strategy.poll(ids())).toEqual({ entries: [], polled: false });
    expect((await strategy.poll(ids('a'))).entries[0]!.change).toBeNull();
    strategy.reset();
    expect((await strategy.poll(ids('a'))).entries[0]!.change).toBeNull();
  });
});

describe('check-read strategy (Video Jungle)', () => {
  it('reads once, then only checks until the file is in, then reads again', async () => {
    const state = new Map<string, Asset>([['v', tlAsset('v', 'PENDING')]]);
    const { assets, getAssets } = fakeAssets(state);
    let uploaded = false;
    const check = vi.fn(async () => uploaded);
    const strategy = createCheckReadStrategy({ assets, check, concurrency: 2 });

    expect((await strategy.poll(ids('v'))).entries).toHaveLength(1);
    expect([getAssets.mock.calls.length, check.mock.calls.length]).toEqual([1, 0]);
    expect((await strategy.poll(ids('v'))).entries).toEqual([]);
    expect([getAssets.mock.calls.length, check.mock.calls.length]).toEqual([1, 1]);

    uploaded = true;
    state.set('v', tlAsset('v', 'READY'));
    const landed = await strategy.poll(ids('v'));
    expect(landed.entries[0]!.change).toMatchObject({ action: 'UPDATED', asset: { status: 'READY' } });
    expect([getAssets.mock.calls.length, check.mock.calls.length]).toEqual([2, 2]);
    expect(await strategy.poll(ids('v'))).toEqual({ entries: [], polled: false });
  });

  it('keeps the answers it got when one check fails, and reports the failure', async () => {
    const state = new Map<string, Asset>([
      ['v', tlAsset('v', 'PENDING')],
      ['w', tlAsset('w', 'PENDING')],
    ]);
    const { assets } = fakeAssets(state);
    const down = new ProviderError('UNAVAILABLE', 'VIDEO_JUNGLE', 'GET /assets/check/{id}', 'HTTP 503');
    const check = vi.fn(async (id: string) => {
      if (id === 'w') throw down;
      return true;
    });
    const strategy = createCheckReadStrategy({ assets, check, concurrency: 2 });
    await strategy.poll(ids('v', 'w'));
    state.set('v', tlAsset('v', 'READY'));
    const result = await strategy.poll(ids('v', 'w'));
    expect(result.entries.map((e) => e.id)).toEqual(['v']);
    expect(result.error).toBe(down);
  });

  it('fails the poll when every call failed, and treats NOT_FOUND as deleted', async () => {
    const state = new Map<string, Asset>([['v', tlAsset('v', 'PENDING')]]);
    const { assets } = fakeAssets(state);
    const check = vi.fn(async (): Promise<boolean> => {
      throw new ProviderError('UNAVAILABLE', 'VIDEO_JUNGLE', 'GET /assets/check/{id}', 'HTTP 503');
    });
    const strategy = createCheckReadStrategy({ assets, check, concurrency: 2 });
    await strategy.poll(ids('v'));
    await expect(strategy.poll(ids('v'))).rejects.toThrow(/unavailable/);
    check.mockRejectedValue(new ProviderError('NOT_FOUND', 'VIDEO_JUNGLE', 'GET /assets/check/{id}', 'gone'));
    expect((await strategy.poll(ids('v'))).entries[0]).toMatchObject({ deleted: true, change: { action: 'DELETED' } });
  });
});

describe('feed-read strategy (Uplynk)', () => {
  const change = (id: string, at: number, action: Change['action'] = 'UPDATED'): Change => ({
    provider: 'UPLYNK',
    providerId: id,
    action,
    at: new Date(at),
    asset: uplynkAsset(id, action === 'DELETED' ? { status: 'DELETED' } : {}),
  });

  function setup() {
    const state = new Map<string, Asset>([['u', uplynkAsset('u', { status: 'PROCESSING' })]]);
    const { assets, getAssets } = fakeAssets(state, 'UPLYNK');
    const pages: ChangeFeedPage[] = [];
    const changesSince = vi.fn(async (since: Date) => pages.shift() ?? { changes: [], start: since, next: since });
    const { checkpoints } = createLocalCoordination(new WatchRegistry());
    const strategy = createFeedReadStrategy({ assets, feed: { changesSince }, checkpoints, checkpointTtlMs: 60_000 });
    return { strategy, pages, changesSince, getAssets, checkpoints };
  }

  it('reads the watched assets once when it starts, then one feed call per poll', async () => {
    const { strategy, pages, changesSince, getAssets } = setup();
    const started = await strategy.poll(ids('u', ALL_IDS));
    expect(started.entries.map((e) => e.id)).toEqual(['u']);
    expect([getAssets.mock.calls.length, changesSince.mock.calls.length]).toEqual([1, 0]);

    pages.push({ changes: [change('u', 1000), change('z', 2000)], start: new Date(0), next: new Date(2000) });
    const read = await strategy.poll(ids('u', ALL_IDS));
    expect(read.entries.map((e) => [e.id, e.change?.action])).toEqual([
      ['u', 'UPDATED'],
      ['z', 'UPDATED'],
    ]);
    expect([getAssets.mock.calls.length, changesSince.mock.calls.length]).toEqual([1, 1]);

    // The boundary change comes again: it is not news.
    pages.push({ changes: [change('z', 2000), change('u', 3000, 'DELETED')], start: new Date(2000), next: new Date(3500) });
    const next = await strategy.poll(ids('u', ALL_IDS));
    expect(changesSince).toHaveBeenLastCalledWith(new Date(2000));
    expect(next.entries.map((e) => [e.id, e.deleted])).toEqual([['u', true]]);
  });

  it('resumes from the saved position after a reset (a new lease holder), and stops when nobody listens', async () => {
    const { strategy, pages, changesSince, getAssets } = setup();
    await strategy.poll(ids('u'));
    pages.push({ changes: [change('u', 5000)], start: new Date(0), next: new Date(5000) });
    await strategy.poll(ids('u'));
    strategy.reset();
    pages.push({ changes: [change('u', 5000), change('u', 6000)], start: new Date(5000), next: new Date(6000) });
    const resumed = await strategy.poll(ids('u'));
    expect(changesSince).toHaveBeenLastCalledWith(new Date(5000));
    expect(resumed.entries.map((e) => e.change!.at.getTime())).toEqual([6000]);
    expect(getAssets).toHaveBeenCalledTimes(1);

    changesSince.mockClear();
    expect(await strategy.poll(ids())).toEqual({ entries: [], polled: false });
    expect(changesSince).not.toHaveBeenCalled();
  });
});
