import type { AssetKind } from './names.js';
import type { TlAssetRecord } from './seed.js';

/** One asset in the store, with the two ways it reads (before and after processing). */
export interface Entry {
  kind: AssetKind;
  initialStatus: TlAssetRecord['status'];
  /** ms after the store's start when a seeded processing asset turns ready (its seeded delay unless overridden). */
  readyAfterMs: number | undefined;
  /** Absolute ms when an uploaded asset settles; set for uploads only (Infinity: not yet started). */
  readyAt?: number;
  settled: TlAssetRecord;
  /** How a processing asset reads before it settles: nothing measured, renditions in progress. */
  pending: TlAssetRecord | undefined;
  filenameLower: string;
  createdAtMs: number;
}

export function newestFirst(a: Entry, b: Entry): number {
  if (a.createdAtMs !== b.createdAtMs) return b.createdAtMs - a.createdAtMs;
  return a.settled._id < b.settled._id ? 1 : a.settled._id > b.settled._id ? -1 : 0;
}

export function pendingView(record: TlAssetRecord): TlAssetRecord {
  const { _id, method, filename, file_type, created_at, user_metadata, hls, thumbnail } = record;
  return {
    _id,
    method,
    status: 'processing',
    filename,
    file_type,
    created_at,
    ...(user_metadata && { user_metadata }),
    ...(hls && { hls: { status: 'processing' as const } }),
    ...(thumbnail && { thumbnail: { status: 'processing' as const } }),
  };
}
