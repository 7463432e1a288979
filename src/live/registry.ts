import type { ProviderName } from '../providers/types.js';
import { ALL_IDS, type LiveBatch, type LiveEntry } from './types.js';

export type EntryListener = (provider: ProviderName, entry: LiveEntry) => void;

/**
 * This instance's watchers, by provider and asset id. The listener sets are the reference counts:
 * ten thousand watchers of one asset are one id to poll, and the id is gone the moment the last
 * listener leaves. A change-feed subscriber listens under ALL_IDS and hears every entry.
 */
export class WatchRegistry {
  private readonly byProvider = new Map<ProviderName, Map<string, Set<EntryListener>>>();

  /** True when this listener is the id's first: the id just became watched here. */
  add(provider: ProviderName, id: string, listener: EntryListener): boolean {
    let ids = this.byProvider.get(provider);
    if (!ids) {
      ids = new Map();
      this.byProvider.set(provider, ids);
    }
    let listeners = ids.get(id);
    const first = listeners === undefined;
    if (!listeners) {
      listeners = new Set();
      ids.set(id, listeners);
    }
    listeners.add(listener);
    return first;
  }

  /** True when this was the id's last listener: the id is no longer watched here. */
  remove(provider: ProviderName, id: string, listener: EntryListener): boolean {
    const ids = this.byProvider.get(provider);
    const listeners = ids?.get(id);
    if (!ids || !listeners?.delete(listener)) return false;
    if (listeners.size > 0) return false;
    ids.delete(id);
    return true;
  }

  /** Ids watched here, ALL_IDS included when a feed subscriber listens. */
  ids(provider: ProviderName): string[] {
    return [...(this.byProvider.get(provider)?.keys() ?? [])];
  }

  /** Listeners of one id (not counting ALL_IDS). */
  count(provider: ProviderName, id: string): number {
    return this.byProvider.get(provider)?.get(id)?.size ?? 0;
  }

  /** Distinct assets watched here, feed subscriptions not counted. */
  watchedAssets(): number {
    let n = 0;
    for (const ids of this.byProvider.values()) n += ids.size - (ids.has(ALL_IDS) ? 1 : 0);
    return n;
  }

  /** Hands every entry to the listeners of its id, then to the provider's feed listeners. */
  dispatch(batch: LiveBatch): void {
    const ids = this.byProvider.get(batch.provider);
    if (!ids) return;
    const feed = ids.get(ALL_IDS);
    for (const entry of batch.entries) {
      if (entry.id !== ALL_IDS) {
        // A copy: a listener that leaves (its watch just completed) must not disturb this loop.
        for (const listener of [...(ids.get(entry.id) ?? [])]) listener(batch.provider, entry);
      }
      if (feed) for (const listener of [...feed]) listener(batch.provider, entry);
    }
  }
}
