import { describe, expect, it, vi } from 'vitest';
import { WatchRegistry } from '../../../src/live/registry.js';
import { ALL_IDS } from '../../../src/live/types.js';
import { tlAsset } from './fixtures.js';

describe('WatchRegistry', () => {
  it('counts references: only the first watcher adds an id, only the last one removes it', () => {
    const registry = new WatchRegistry();
    const listeners = Array.from({ length: 10_000 }, () => vi.fn());
    const firsts = listeners.map((l) => registry.add('TWELVE_LABS', 'a', l));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(firsts[0]).toBe(true);
    expect(registry.ids('TWELVE_LABS')).toEqual(['a']);
    expect(registry.count('TWELVE_LABS', 'a')).toBe(10_000);
    expect(registry.watchedAssets()).toBe(1);

    const lasts = listeners.map((l) => registry.remove('TWELVE_LABS', 'a', l));
    expect(lasts.filter(Boolean)).toHaveLength(1);
    expect(lasts.at(-1)).toBe(true);
    expect(registry.ids('TWELVE_LABS')).toEqual([]);
    expect(registry.watchedAssets()).toBe(0);
  });

  it('ignores removing a listener that is not there', () => {
    const registry = new WatchRegistry();
    const listener = vi.fn();
    registry.add('UPLYNK', 'a', listener);
    expect(registry.remove('UPLYNK', 'a', vi.fn())).toBe(false);
    expect(registry.remove('UPLYNK', 'b', listener)).toBe(false);
    expect(registry.remove('UPLYNK', 'a', listener)).toBe(true);
    expect(registry.remove('UPLYNK', 'a', listener)).toBe(false);
  });

  it('does not count feed subscriptions as watched assets, but lists them as ids', () => {
    const registry = new WatchRegistry();
    registry.add('UPLYNK', ALL_IDS, vi.fn());
    registry.add('UPLYNK', 'x', vi.fn());
    registry.add('TWELVE_LABS', 'x', vi.fn());
    expect(registry.watchedAssets()).toBe(2);
    expect(registry.ids('UPLYNK').sort()).toEqual([ALL_IDS, 'x'].sort());
  });

  it('dispatches each entry to its id’s listeners and to the feed listeners of its provider', () => {
    const registry = new WatchRegistry();
    const onA = vi.fn();
    const onB = vi.fn();
    const feed = vi.fn();
    const otherProvider = vi.fn();
    registry.add('TWELVE_LABS', 'a', onA);
    registry.add('TWELVE_LABS', 'b', onB);
    registry.add('TWELVE_LABS', ALL_IDS, feed);
    registry.add('UPLYNK', 'a', otherProvider);
    const entry = { id: 'a', asset: tlAsset('a', 'READY'), deleted: false, change: null };
    registry.dispatch({ provider: 'TWELVE_LABS', entries: [entry] });
    expect(onA).toHaveBeenCalledWith('TWELVE_LABS', entry);
    expect(onB).not.toHaveBeenCalled();
    expect(feed).toHaveBeenCalledTimes(1);
    expect(otherProvider).not.toHaveBeenCalled();
  });

  it('lets a listener leave while it is being called', () => {
    const registry = new WatchRegistry();
    const calls: string[] = [];
    const first = () => {
      calls.push('first');
      registry.remove('TWELVE_LABS', 'a', first);
    };
    const second = () => calls.push('second');
    registry.add('TWELVE_LABS', 'a', first);
    registry.add('TWELVE_LABS', 'a', second);
    registry.dispatch({ provider: 'TWELVE_LABS', entries: [{ id: 'a', asset: null, deleted: true, change: null }] });
    expect(calls).toEqual(['first', 'second']);
    expect(registry.count('TWELVE_LABS', 'a')).toBe(1);
  });
});
