import { measureAudio, measureImage, measureVideo, type Measured } from './media.js';
import { CAMPAIGNS, FORMATS, fileName, type AssetKind } from './names.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, SANDBOX_EPOCH } from '../epoch.js';
import { SeededRandom } from '../random.js';

/** An asset exactly as GET /assets/{id} returns it (v1.3 `AssetDetail`, snake_case, `_id`). */
export interface TlAssetRecord {
  _id: string;
  method: 'direct' | 'url' | 'multipart';
  status: 'processing' | 'ready' | 'failed' | 'waiting';
  filename: string;
  file_type: string;
  created_at: string;
  user_metadata?: Record<string, string | number | boolean>;
  size?: number;
  duration?: number;
  hls?: { manifest_url?: string; status: 'pending' | 'processing' | 'ready' | 'error' };
  thumbnail?: { representative_url?: string; status: 'pending' | 'processing' | 'ready' | 'error' };
  technical_metadata?: Record<string, unknown>;
  error?: { message: string };
  /** Legacy revisions only. */
  url?: string;
  url_expires_at?: string;
}

export interface SeedAsset {
  kind: AssetKind;
  createdAtMs: number;
  /** The status when the sandbox starts. */
  initialStatus: TlAssetRecord['status'];
  /** For `processing` assets: when they turn ready, in ms after the store started. */
  readyAfterMs?: number;
  /** How the asset reads once settled (ready, failed, or the legacy waiting entries, which never move). */
  record: TlAssetRecord;
  /** Indexed assets (in some index) made from this asset: a plain DELETE answers 409 while any exist. */
  indexRefs?: number;
}

export const TWELVE_LABS_SEED = 0x71_2a_5e_03;
export const TWELVE_LABS_ASSET_COUNT = 150;
/** Media URLs point at a reserved .test host: nothing there is ever fetched. */
export const SANDBOX_CDN = 'https://cdn.sandbox.twelvelabs.test';

/** Settled uploads spread over the ten months before the sandbox's last hour. */
const TIMELINE_END = SANDBOX_EPOCH - HOUR_MS;
const TIMELINE_START = TIMELINE_END - 300 * DAY_MS;
/** The newest assets are still processing at start: video, video, image, video, audio, video. */
const PROCESSING_KINDS: readonly AssetKind[] = ['video', 'video', 'image', 'video', 'audio', 'video'];
/** About 60 % videos, 25 % images, 15 % audio. */
const KIND_MIX: readonly AssetKind[] = [
  'video',
  'video',
  'video',
  'video',
  'video',
  'video',
  'video',
  'video',
  'video',
  'video',
  'video',
  'video',
  'image',
  'image',
  'image',
  'image',
  'image',
  'audio',
  'audio',
  'audio',
];
const FAILED_AT = [17, 64];
/** About one ready video in seven is used by an index (so DELETE without force is refused). */
const INDEXED_EVERY = 7;
const FAILURES = [
  'The uploaded file is corrupted or uses an unsupported codec and could not be decoded.',
  'The platform could not download the file from the provided URL (HTTP 403 Forbidden).',
];

export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function measure(r: SeededRandom, kind: AssetKind, format: (typeof FORMATS)[AssetKind][number]): Measured {
  if (kind === 'video') return measureVideo(r, format);
  if (kind === 'image') return measureImage(r, format);
  return measureAudio(r, format);
}

function method(r: SeededRandom, size: number): TlAssetRecord['method'] {
  if (size > 200 * 1024 * 1024) return r.chance(0.5) ? 'multipart' : 'url';
  return r.chance(0.75) ? 'direct' : 'url';
}

function renditions(r: SeededRandom, kind: AssetKind, id: string, always: boolean): Partial<TlAssetRecord> {
  const out: Partial<TlAssetRecord> = {};
  if (kind === 'video' && (always || r.chance(0.7))) {
    out.hls = { manifest_url: `${SANDBOX_CDN}/hls/${id}/master.m3u8`, status: 'ready' };
  }
  if ((kind === 'video' && (always || r.chance(0.85))) || (kind === 'image' && (always || r.chance(0.6)))) {
    out.thumbnail = { representative_url: `${SANDBOX_CDN}/thumbnails/${id}/representative.jpg`, status: 'ready' };
  }
  return out;
}

function userMetadata(r: SeededRandom): TlAssetRecord['user_metadata'] {
  if (!r.chance(0.3)) return undefined;
  return { campaign: r.pick(CAMPAIGNS), reviewed: r.chance(0.5), take: r.int(1, 12) };
}

/** A settled asset; the status-specific fields are adjusted by the caller. */
function build(r: SeededRandom, kind: AssetKind, createdAtMs: number, id: string, always: boolean): TlAssetRecord {
  const format = r.pick(FORMATS[kind]);
  const measured = measure(r, kind, format);
  return {
    _id: id,
    method: method(r, measured.size),
    status: 'ready',
    filename: fileName(r, kind, format.ext, createdAtMs),
    file_type: format.mime,
    created_at: rfc3339(createdAtMs),
    user_metadata: userMetadata(r),
    size: measured.size,
    ...(measured.duration !== undefined && { duration: measured.duration }),
    ...renditions(r, kind, id, always),
    technical_metadata: measured.technical,
  };
}

function failed(record: TlAssetRecord, which: number): TlAssetRecord {
  const { size: _size, duration: _duration, technical_metadata: tm, hls, thumbnail, ...rest } = record;
  const partial = which === 0 && tm ? { file_size_bytes: tm['file_size_bytes'], file_mime_type: tm['file_mime_type'] } : undefined;
  return {
    ...rest,
    method: which === 0 ? 'direct' : 'url',
    status: 'failed',
    ...(hls && { hls: { status: 'error' as const } }),
    ...(thumbnail && { thumbnail: { status: 'error' as const } }),
    // A file that was read but not decoded still reports what was measured; a URL never fetched, nothing.
    ...(partial && { technical_metadata: partial }),
    error: { message: FAILURES[which]! },
  };
}

/** Legacy entries of the older API revision: `waiting`, a signed file URL, nothing measured yet. */
function waiting(record: TlAssetRecord): TlAssetRecord {
  const { _id, filename, file_type, created_at } = record;
  return {
    _id,
    method: 'direct',
    status: 'waiting',
    filename,
    file_type,
    created_at,
    url: `${SANDBOX_CDN}/uploads/${_id}/${encodeURIComponent(filename)}`,
  };
}

function uniqueId(r: SeededRandom, createdAtMs: number, taken: Set<string>): string {
  // ObjectId layout: 4-byte creation time in seconds, then 8 random bytes (24 hex digits).
  const prefix = Math.floor(createdAtMs / 1000)
    .toString(16)
    .padStart(8, '0');
  for (;;) {
    const id = prefix + r.hex(16);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** The sandbox's assets, newest first, identical on every call with the same arguments. */
export function seedAssets(count = TWELVE_LABS_ASSET_COUNT, seed = TWELVE_LABS_SEED): SeedAsset[] {
  const r = new SeededRandom(seed);
  const times = Array.from({ length: count }, () => r.int(TIMELINE_START / 1000, TIMELINE_END / 1000) * 1000);
  times.sort((a, b) => b - a);
  // The ones still processing were uploaded in the minutes before the start, three minutes apart.
  for (let i = 0; i < Math.min(PROCESSING_KINDS.length, count); i++) times[i] = SANDBOX_EPOCH - (i + 1) * 3 * MINUTE_MS;
  const taken = new Set<string>();
  return times.map((createdAtMs, i) => {
    const processing = i < PROCESSING_KINDS.length;
    const legacy = i === count - 3 || i === count - 2;
    const kind = processing ? PROCESSING_KINDS[i]! : FAILED_AT.includes(i) || legacy ? 'video' : r.pick(KIND_MIX);
    const id = uniqueId(r, createdAtMs, taken);
    const record = build(r, kind, createdAtMs, id, processing);
    if (processing) return { kind, createdAtMs, initialStatus: 'processing', readyAfterMs: 3000 + i * 1000, record };
    const failure = FAILED_AT.indexOf(i);
    if (failure >= 0) return { kind, createdAtMs, initialStatus: 'failed', record: failed(record, failure) };
    if (legacy) return { kind, createdAtMs, initialStatus: 'waiting', record: waiting(record) };
    // Chosen by position, not by the PRNG, so the rest of the seed stays exactly as it was.
    const indexRefs = kind === 'video' && i % INDEXED_EVERY === 3 ? 1 + (i % 2) : undefined;
    return { kind, createdAtMs, initialStatus: 'ready', record, ...(indexRefs && { indexRefs }) };
  });
}
