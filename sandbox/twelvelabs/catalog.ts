import type { AssetKind } from './names.js';
import { newestFirst, pendingView, type Entry } from './entry.js';
import { rfc3339, seedAssets, type SeedAsset, type TlAssetRecord } from './seed.js';

export interface ListQuery {
  page: number;
  pageLimit: number;
  assetIds?: readonly string[] | undefined;
  assetTypes?: readonly AssetKind[] | undefined;
  /** Case-insensitive substring of the filename. */
  filename?: string | undefined;
}

export interface TlListResponse {
  data: TlAssetRecord[];
  page_info: { limit_per_page: number; page: number; total_page: number; total_results: number };
}

export interface CatalogOptions {
  /** Default: the deterministic seed (150 assets). */
  seeds?: SeedAsset[];
  /** Default Date.now; tests pass a fake clock to step through processing → ready. */
  clock?: () => number;
}

/** Legacy signed URLs were valid for an hour from when the asset was read. */
const LEGACY_URL_TTL_MS = 3_600_000;

/**
 * The sandbox's assets as reads see them: indexed by id, kept sorted newest first, with per-type lists
 * cached, so a read is a Map lookup or a slice. Statuses move with the clock, not with requests.
 * The writes live in TwelveLabsStore (store.ts), which extends this.
 */
export class TwelveLabsCatalog {
  protected readonly clock: () => number;
  protected readonly byId = new Map<string, Entry>();
  protected sorted: Entry[] = [];
  protected readonly byTypes = new Map<string, Entry[]>();
  protected readonly references = new Map<string, number>();
  private startedAt: number;
  private readyDelayMs: number | undefined;

  constructor(options: CatalogOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.startedAt = this.clock();
    for (const seed of options.seeds ?? seedAssets()) this.insert(seed);
    this.reindex();
  }

  now(): number {
    return this.clock();
  }

  /**
   * Restarts processing now: every asset seeded as processing turns ready `ms` from this call
   * (instead of its seeded 3–8 s after the store was created). For tests that want to see both states.
   */
  setReadyDelay(ms: number): void {
    this.startedAt = this.clock();
    this.readyDelayMs = ms;
  }

  get(id: string): TlAssetRecord | undefined {
    const entry = this.byId.get(id);
    return entry && this.view(entry);
  }

  list(query: ListQuery): TlListResponse {
    const rows = this.matching(query);
    const start = (query.page - 1) * query.pageLimit;
    return {
      data: rows.slice(start, start + query.pageLimit).map((e) => this.view(e)),
      page_info: {
        limit_per_page: query.pageLimit,
        page: query.page,
        total_page: Math.ceil(rows.length / query.pageLimit),
        total_results: rows.length,
      },
    };
  }

  /** Every id, newest first. */
  ids(): string[] {
    return this.sorted.map((e) => e.settled._id);
  }

  /** Ids by the status they had when the sandbox started (e.g. 'processing', 'failed', 'waiting'). */
  idsWithInitialStatus(status: TlAssetRecord['status'], kind?: AssetKind): string[] {
    return this.sorted.filter((e) => e.initialStatus === status && (kind === undefined || e.kind === kind)).map((e) => e.settled._id);
  }

  /** Ids of ready assets that an index still uses (a DELETE without force=true answers 409). */
  idsReferencedByIndex(): string[] {
    return this.ids().filter((id) => this.references.has(id));
  }

  /** How many indexed assets use this asset (0 when none). */
  referencesOf(id: string): number {
    return this.references.get(id) ?? 0;
  }

  /** Ids of one media type, newest first. */
  idsOfKind(kind: AssetKind): string[] {
    return this.ofTypes([kind]).map((e) => e.settled._id);
  }

  protected view(entry: Entry): TlAssetRecord {
    if (entry.pending === undefined) return entry.settled;
    const readyAt = entry.readyAt ?? this.startedAt + (this.readyDelayMs ?? entry.readyAfterMs ?? 0);
    return this.clock() < readyAt ? entry.pending : entry.settled;
  }

  private matching(query: ListQuery): Entry[] {
    const { assetIds, assetTypes, filename } = query;
    let rows: Entry[];
    if (assetIds && assetIds.length > 0) {
      rows = this.lookup(assetIds);
      if (assetTypes && assetTypes.length > 0) rows = rows.filter((e) => assetTypes.includes(e.kind));
    } else {
      rows = assetTypes && assetTypes.length > 0 ? this.ofTypes(assetTypes) : this.sorted;
    }
    if (filename) {
      const needle = filename.toLowerCase();
      rows = rows.filter((e) => e.filenameLower.includes(needle));
    }
    return rows;
  }

  /** The named assets in list order (newest first), each once; unknown ids are simply not there. */
  private lookup(ids: readonly string[]): Entry[] {
    const found = new Set<Entry>();
    for (const id of ids) {
      const entry = this.byId.get(id);
      if (entry) found.add(entry);
    }
    return [...found].sort(newestFirst);
  }

  private ofTypes(types: readonly AssetKind[]): Entry[] {
    const key = [...new Set(types)].sort().join(',');
    let rows = this.byTypes.get(key);
    if (!rows) {
      rows = this.sorted.filter((e) => types.includes(e.kind));
      this.byTypes.set(key, rows);
    }
    return rows;
  }

  private insert(seed: SeedAsset): void {
    const record = seed.record;
    const settled = record.status === 'waiting' ? { ...record, url_expires_at: rfc3339(this.startedAt + LEGACY_URL_TTL_MS) } : record;
    if (seed.indexRefs) this.references.set(record._id, seed.indexRefs);
    this.byId.set(record._id, {
      kind: seed.kind,
      initialStatus: seed.initialStatus,
      readyAfterMs: seed.readyAfterMs,
      settled,
      pending: seed.initialStatus === 'processing' ? pendingView(record) : undefined,
      filenameLower: record.filename.toLowerCase(),
      createdAtMs: Date.parse(record.created_at),
    });
  }

  /** After any insert or removal: the sorted list and the per-type caches are rebuilt. */
  private reindex(): void {
    this.sorted = [...this.byId.values()].sort(newestFirst);
    this.byTypes.clear();
  }
}
