import type { Asset, Change, ProviderName } from '../../providers/types.js';
import { asDeleted, hasChanged, isTerminal } from '../diff.js';
import { ALL_IDS, type LiveBatch, type LiveEntry } from '../types.js';

/**
 * The last state a poller saw of each watched asset: what every read is diffed against, so only
 * changes go out. An id read for the first time goes out as a plain observation (no Change): a
 * watcher diffs it against its own first read, which closes the gap between that read and this one.
 */
export class Snapshots {
  private readonly last = new Map<string, Asset>();
  /** Ids found missing before any state of them was seen. */
  private readonly missing = new Set<string>();

  constructor(private readonly provider: ProviderName) {}

  /** Forgets ids nobody watches any more. */
  prune(watched: ReadonlySet<string>): void {
    for (const id of this.last.keys()) if (!watched.has(id)) this.last.delete(id);
    for (const id of this.missing) if (!watched.has(id)) this.missing.delete(id);
  }

  /** Watched ids still worth a call: never seen, or not terminal yet. */
  due(watched: ReadonlySet<string>): string[] {
    const due: string[] = [];
    for (const id of watched) {
      if (id === ALL_IDS || this.missing.has(id)) continue;
      const seen = this.last.get(id);
      if (!seen || !isTerminal(seen.status)) due.push(id);
    }
    return due;
  }

  known(id: string): boolean {
    return this.last.has(id);
  }

  get(id: string): Asset | undefined {
    return this.last.get(id);
  }

  /** The entry this read makes, or null when it is no news. */
  record(asset: Asset, at: Date): LiveEntry | null {
    const prev = this.last.get(asset.providerId);
    this.last.set(asset.providerId, asset);
    if (!prev) return { id: asset.providerId, asset, deleted: false, change: null };
    if (!hasChanged(prev, asset)) return null;
    const deleted = asset.status === 'DELETED';
    return { id: asset.providerId, asset, deleted, change: this.change(asset, deleted ? 'DELETED' : 'UPDATED', at) };
  }

  /** The entry a vanished asset makes (once). */
  gone(id: string, at: Date): LiveEntry | null {
    const prev = this.last.get(id);
    if (!prev) {
      if (this.missing.has(id)) return null;
      this.missing.add(id);
      return { id, asset: null, deleted: true, change: null };
    }
    if (prev.status === 'DELETED') return null;
    const asset = asDeleted(prev);
    this.last.set(id, asset);
    return { id, asset, deleted: true, change: { provider: this.provider, providerId: id, action: 'DELETED', at, asset: null } };
  }

  /** Takes what others published about ids this poller already follows. */
  observe(batch: LiveBatch): void {
    for (const entry of batch.entries) {
      const prev = this.last.get(entry.id);
      if (!prev) continue;
      if (entry.asset) this.last.set(entry.id, entry.asset);
      else if (entry.deleted) this.last.set(entry.id, asDeleted(prev));
    }
  }

  clear(): void {
    this.last.clear();
    this.missing.clear();
  }

  private change(asset: Asset, action: Change['action'], at: Date): Change {
    return { provider: this.provider, providerId: asset.providerId, action, at, asset };
  }
}
