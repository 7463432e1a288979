import type { ChangeEntry, SandboxAsset, UplynkSeed } from './seed.js';

/** `/asset/list` sort keys (docs); `source` sorts by the source file name [I: its meaning is undocumented]. */
export const ORDER_KEYS = ['created', 'desc', 'duration', 'external_id', 'id', 'lastmod', 'source', 'state'] as const;
export type OrderKey = (typeof ORDER_KEYS)[number];
/** Your own library, or the libraries other accounts share with you. */
export type Library = 'own' | 'shared';

export interface OrderTerm {
  key: OrderKey;
  descending: boolean;
}

/** Changes per `/asset/changes` reply [I: the real page size is undocumented]. */
export const CHANGES_PER_REPLY = 100;
const SEARCH_CACHE_SIZE = 64;

export interface ChangesReply {
  changes: ChangeEntry[];
  assets: Record<string, SandboxAsset>;
  end: number;
}

/**
 * The sandbox's asset library, indexed for cheap reads: by id, by external id, pre-sorted per order
 * and with lowercased search text per asset. Writes go through `update` and `delete`, which log the
 * change and call `invalidate()` so the derived indexes stay true.
 */
export class UplynkStore {
  private readonly assets: SandboxAsset[];
  private readonly changes: ChangeEntry[];
  /** Other accounts' libraries shared with this one: listed and readable, never changed from here. */
  private readonly shared: SandboxAsset[];
  private readonly sharedById: Map<string, SandboxAsset>;
  private readonly byId = new Map<string, SandboxAsset>();
  private readonly byExternalId = new Map<string, SandboxAsset>();
  private readonly haystacks = new Map<string, string>();
  private readonly sorted = new Map<string, SandboxAsset[]>();
  private readonly searches = new Map<string, SandboxAsset[]>();

  constructor(seed: UplynkSeed) {
    this.assets = seed.assets;
    this.changes = seed.changes;
    this.shared = seed.shared;
    this.sharedById = new Map(seed.shared.map((a) => [a.id, a]));
    this.invalidate();
  }

  /** The shared libraries' assets, in seed order. */
  sharedAssets(): readonly SandboxAsset[] {
    return this.shared;
  }

  /** Every asset, deleted ones included, in seed order. */
  all(): readonly SandboxAsset[] {
    return this.assets;
  }

  /** The change log, oldest first. */
  changeLog(): readonly ChangeEntry[] {
    return this.changes;
  }

  get(id: string): SandboxAsset | undefined {
    return this.byId.get(id);
  }

  getByExternalId(externalId: string): SandboxAsset | undefined {
    return this.byExternalId.get(externalId);
  }

  /**
   * An asset to read: your own, else one of a shared library [I: shared assets "return the same
   * response as /asset/get", so they are taken to be readable by id too].
   */
  read(id: string): SandboxAsset | undefined {
    return this.byId.get(id) ?? this.sharedById.get(id);
  }

  /**
   * Found assets in request order, each once however often it was asked for; unknown keys skipped.
   * Reads (`readable`) also find shared assets by id; writes only ever touch your own.
   */
  getMany(keys: readonly string[], by: 'id' | 'external_id', readable = false): SandboxAsset[] {
    const found = new Set<SandboxAsset>();
    for (const key of keys) {
      const asset = by === 'external_id' ? this.byExternalId.get(key) : readable ? this.read(key) : this.byId.get(key);
      if (asset) found.add(asset);
    }
    return [...found];
  }

  /**
   * One page of the undeleted assets in `order`, keeping those matching any keyword of `query`: of your
   * own library, or of the libraries shared with you. Each is paged by skip/limit alike [I: how the two
   * lists page together is undocumented].
   */
  list(order: readonly OrderTerm[], skip: number, limit: number, query: string | undefined, library: Library = 'own'): SandboxAsset[] {
    return this.matching(order, query, library).slice(skip, skip + limit);
  }

  /**
   * Changes at or after `start` (inclusive, so a call starting at the previous `end` sees the boundary
   * change again). A full page ends at its last change; otherwise `end` is the time of the request, as
   * in the docs' sample.
   */
  changesFrom(start: number, now: number): ChangesReply {
    let lo = 0;
    let hi = this.changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.changes[mid]![0] < start) lo = mid + 1;
      else hi = mid;
    }
    const changes = this.changes.slice(lo, lo + CHANGES_PER_REPLY);
    const more = lo + CHANGES_PER_REPLY < this.changes.length;
    const assets: Record<string, SandboxAsset> = {};
    for (const [, , id] of changes) assets[id] ??= this.byId.get(id)!;
    const last = changes[changes.length - 1]?.[0] ?? start;
    // A burst of writes can log changes a little ahead of the clock (see `record`): `end` never
    // falls before the last change reported.
    const end = more ? last : Math.max(start, now, last);
    return { changes, assets, end };
  }

  /**
   * Applies `apply` to an asset, moves its lastmod to now and logs an `update`. Rebuilding every index
   * is a millisecond for this library, and writes are rare next to reads.
   */
  update(asset: SandboxAsset, apply: (asset: SandboxAsset) => void, now: number): SandboxAsset {
    apply(asset);
    asset.lastmod = this.record('update', asset.id, now);
    this.invalidate();
    return asset;
  }

  /** Stamps `deleted` on each asset not deleted yet and logs a `delete`; returns those it deleted. */
  delete(assets: readonly SandboxAsset[], now: number): SandboxAsset[] {
    const deleted = assets.filter((asset) => asset.deleted === undefined);
    for (const asset of deleted) asset.deleted = this.record('delete', asset.id, now);
    if (deleted.length > 0) this.invalidate();
    return deleted;
  }

  /** Rebuilds the indexes; every write must call it. */
  invalidate(): void {
    this.byId.clear();
    this.byExternalId.clear();
    this.haystacks.clear();
    this.sorted.clear();
    this.searches.clear();
    for (const asset of this.assets) {
      this.byId.set(asset.id, asset);
      if (asset.external_id) this.byExternalId.set(asset.external_id, asset);
    }
    for (const asset of [...this.assets, ...this.shared]) {
      this.haystacks.set(asset.id, `${asset.desc}\n${asset.id}\n${asset.external_id ?? ''}`.toLowerCase());
    }
  }

  /**
   * Logs a change at `now`, or 1 ms after the last change when that is later: timestamps stay strictly
   * increasing (as in the seed), so a reader paging by `end` always moves on, even past a
   * 1000-asset delete.
   */
  private record(action: ChangeEntry[1], id: string, now: number): number {
    const ts = Math.max(now, (this.changes[this.changes.length - 1]?.[0] ?? 0) + 1);
    this.changes.push([ts, action, id]);
    return ts;
  }

  private matching(order: readonly OrderTerm[], query: string | undefined, library: Library): SandboxAsset[] {
    const ordered = this.ordered(order, library);
    const keywords = query?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    if (keywords.length === 0) return ordered;
    const cacheKey = `${library}|${orderKey(order)}|${keywords.join(' ')}`;
    let hits = this.searches.get(cacheKey);
    if (!hits) {
      // Search operators are not modelled: each keyword is a plain substring [I].
      hits = ordered.filter((a) => keywords.some((k) => this.haystacks.get(a.id)!.includes(k)));
      if (this.searches.size >= SEARCH_CACHE_SIZE) this.searches.delete(this.searches.keys().next().value!);
      this.searches.set(cacheKey, hits);
    }
    return hits;
  }

  private ordered(order: readonly OrderTerm[], library: Library): SandboxAsset[] {
    const key = `${library}|${orderKey(order)}`;
    let list = this.sorted.get(key);
    if (!list) {
      const assets = library === 'own' ? this.assets : this.shared;
      // Deleted assets stay readable by id and in the change feed, but leave the library listing [I].
      list = assets.filter((a) => a.deleted === undefined).sort(comparator(order));
      this.sorted.set(key, list);
    }
    return list;
  }
}

function orderKey(order: readonly OrderTerm[]): string {
  return order.map((t) => (t.descending ? '-' : '') + t.key).join(',');
}

function sortValue(asset: SandboxAsset, key: OrderKey): string | number {
  if (key === 'source') return asset.orig_filename ?? '';
  if (key === 'external_id') return asset.external_id ?? '';
  return asset[key];
}

/** Terms in turn, then the id, so equal values keep a stable order across pages. */
function comparator(order: readonly OrderTerm[]): (a: SandboxAsset, b: SandboxAsset) => number {
  return (a, b) => {
    for (const { key, descending } of order) {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      const diff = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      if (diff !== 0) return descending ? -diff : diff;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
