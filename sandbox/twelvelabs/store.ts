import { SeededRandom } from '../random.js';
import { TwelveLabsCatalog, type CatalogOptions } from './catalog.js';
import { newestFirst, type Entry } from './entry.js';
import type { AssetKind } from './names.js';
import { TWELVE_LABS_SEED, type TlAssetRecord } from './seed.js';
import { MultipartSessions } from './sessions.js';

export type { ListQuery, TlListResponse } from './catalog.js';

export interface TwelveLabsStoreOptions extends CatalogOptions {
  /** How long a new upload stays `processing` before it turns ready or failed (default 4 s). */
  uploadDelayMs?: number;
}

/** What a write adds: the record once settled, how it reads until then, and when it settles. */
export interface NewAsset {
  kind: AssetKind;
  settled: TlAssetRecord;
  pending: TlAssetRecord;
  /** Absolute ms; Infinity keeps it processing until `settleAt` is called (multipart uploads). */
  readyAt: number;
}

/**
 * The sandbox's data with its writes: uploads (processing → ready/failed after `uploadDelayMs`),
 * deletes, user-metadata changes, and the multipart upload sessions.
 */
export class TwelveLabsStore extends TwelveLabsCatalog {
  /** Ids of new assets and upload sessions: deterministic like the seed, from a stream of their own. */
  private readonly rng = new SeededRandom(TWELVE_LABS_SEED ^ 0x5eed);
  /** How long a new upload stays `processing`; tests shorten it. */
  uploadDelayMs: number;
  readonly sessions: MultipartSessions;

  constructor(options: TwelveLabsStoreOptions = {}) {
    super(options);
    this.uploadDelayMs = options.uploadDelayMs ?? 4000;
    this.sessions = new MultipartSessions(this.clock, () => this.newId());
  }

  /** A fresh ObjectId-shaped id: creation time in seconds, then 16 hex digits. */
  newId(): string {
    const prefix = Math.floor(this.clock() / 1000)
      .toString(16)
      .padStart(8, '0');
    for (;;) {
      const id = prefix + this.rng.hex(16);
      if (!this.byId.has(id)) return id;
    }
  }

  /** Adds an upload; it is the newest asset, so it goes first without a full re-sort. */
  add(asset: NewAsset): TlAssetRecord {
    const { settled } = asset;
    const entry: Entry = {
      kind: asset.kind,
      initialStatus: 'processing',
      readyAfterMs: undefined,
      readyAt: asset.readyAt,
      settled,
      pending: asset.pending,
      filenameLower: settled.filename.toLowerCase(),
      createdAtMs: Date.parse(settled.created_at),
    };
    this.byId.set(settled._id, entry);
    const first = this.sorted[0];
    if (!first || newestFirst(entry, first) <= 0) this.sorted = [entry, ...this.sorted];
    else this.sorted = [...this.byId.values()].sort(newestFirst);
    this.byTypes.clear();
    return this.view(entry);
  }

  /** Starts the processing clock of an asset added with readyAt Infinity. */
  settleAt(id: string, at: number): void {
    const entry = this.byId.get(id);
    if (entry) entry.readyAt = at;
  }

  /** Deletes an asset and the index references to it. False when there was none. */
  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.byId.delete(id);
    this.references.delete(id);
    this.sorted = this.sorted.filter((e) => e !== entry);
    this.byTypes.clear();
    return true;
  }

  /** Replaces user_metadata (absent when empty) in both the settled and the pending view. */
  setUserMetadata(id: string, metadata: Record<string, string | number | boolean>): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    const apply = (record: TlAssetRecord): TlAssetRecord => {
      const { user_metadata: _old, ...rest } = record;
      return Object.keys(metadata).length > 0 ? { ...rest, user_metadata: metadata } : rest;
    };
    entry.settled = apply(entry.settled);
    if (entry.pending) entry.pending = apply(entry.pending);
    return true;
  }
}
