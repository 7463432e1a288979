/** One asset as useapi.net sends it (the documented model; the sandbox fills every field it knows). */
export interface RunwayRecord {
  assetId: string;
  id: string;
  createdAt: string;
  updatedAt: string;
  name: string;
  url: string;
  previewUrls: string[];
  mediaType: 'video' | 'image' | 'audio';
  mediaSubtype: string | null;
  fileCount: number;
  fileSize: number;
  fileExtStandardized: string;
  isUserUpload: boolean;
  metadata: Record<string, unknown> | null;
  username: string;
  userPicture: string | null;
  userId: number;
  createdBy: number;
  private: boolean;
  privateInTeam: boolean;
  parentAssetGroupId: string | null;
  taskId?: string;
  favorite: boolean;
}

interface Entry {
  record: RunwayRecord;
  /** Serialised once: list pages are joined from these, so a page costs no JSON.stringify. */
  json: string;
}

/**
 * The sandbox account's assets: a Map by assetId for reads, and lists pre-sorted newest first (all
 * types, and one per media type) so a page is a slice. Assets added with `listed: false` are readable
 * by id but absent from the list, like useapi's workspace-scoped list.
 */
export class RunwayStore {
  private readonly byId = new Map<string, Entry>();
  private readonly lists = new Map<string, Entry[]>([
    ['', []],
    ['video', []],
    ['image', []],
    ['audio', []],
  ]);

  add(record: RunwayRecord, options: { listed?: boolean } = {}): void {
    const entry: Entry = { record, json: JSON.stringify(record) };
    this.byId.set(record.assetId, entry);
    if (options.listed === false) return;
    insertNewestFirst(this.lists.get('')!, entry);
    insertNewestFirst(this.lists.get(record.mediaType)!, entry);
  }

  /**
   * A new upload: readable by id and at the top of the lists. Placed first rather than by createdAt,
   * since an upload is the newest asset whatever the seed's clock says.
   */
  addNewest(record: RunwayRecord): void {
    const entry: Entry = { record, json: JSON.stringify(record) };
    this.byId.set(record.assetId, entry);
    this.lists.get('')!.unshift(entry);
    this.lists.get(record.mediaType)!.unshift(entry);
  }

  /** Removes an asset from reads and lists; false when there was none. */
  remove(assetId: string): boolean {
    const entry = this.byId.get(assetId);
    if (!entry) return false;
    this.byId.delete(assetId);
    for (const key of ['', entry.record.mediaType]) {
      const list = this.lists.get(key)!;
      const at = list.indexOf(entry);
      if (at >= 0) list.splice(at, 1);
    }
    return true;
  }

  get(assetId: string): RunwayRecord | undefined {
    return this.byId.get(assetId)?.record;
  }

  /** The JSON of one asset, ready to send. */
  json(assetId: string): string | undefined {
    return this.byId.get(assetId)?.json;
  }

  /** A page of the listed assets (optionally one media type) as a JSON array text. */
  pageJson(offset: number, limit: number, mediaType = ''): string {
    const list = this.lists.get(mediaType) ?? [];
    return `[${list
      .slice(offset, offset + limit)
      .map((e) => e.json)
      .join(',')}]`;
  }

  /** Listed assets, newest first (a copy: tests pick ids from it). */
  listed(mediaType = ''): RunwayRecord[] {
    return (this.lists.get(mediaType) ?? []).map((e) => e.record);
  }

  /** Assets readable by id but not in the list. */
  unlisted(): RunwayRecord[] {
    const listed = new Set(this.lists.get('')!);
    return [...this.byId.values()].filter((e) => !listed.has(e)).map((e) => e.record);
  }

  get size(): number {
    return this.byId.size;
  }
}

/** Binary insertion by createdAt, newest first (ISO-8601 Z strings sort as text); ties keep insertion order. */
function insertNewestFirst(list: Entry[], entry: Entry): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.record.createdAt >= entry.record.createdAt) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, entry);
}
