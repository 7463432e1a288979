import type { ProviderErrorKind } from '../../errors/domain.js';
import type { AssetStatus, MediaType, UploadTarget } from '../types.js';
import type { TwelveLabsAsset, TwelveLabsRendition } from './types.js';
import { wireError, type WireAssetDetail, type WirePresignedUrl, type WireUploadSession } from './wire.js';

/**
 * processing → PROCESSING, ready → READY, failed → FAILED. `waiting` is the legacy name of the stage
 * before processing (seed doc, SDKs before 2025-12), so it is PROCESSING too. Anything unknown is
 * treated as not usable yet: PROCESSING, with the raw value kept in providerStatus.
 */
export function mapStatus(status: string | null | undefined): AssetStatus {
  switch (status?.toLowerCase()) {
    case 'ready':
      return 'READY';
    case 'failed':
      return 'FAILED';
    default:
      return 'PROCESSING';
  }
}

/** From the MIME type in `file_type`; documents (text/*, application/pdf) exist in newer revisions. */
export function mediaTypeOf(mime: string | null | undefined): MediaType | null {
  if (!mime) return null;
  const major = mime.split('/', 1)[0]!.trim().toLowerCase();
  if (major === 'video') return 'VIDEO';
  if (major === 'image') return 'IMAGE';
  if (major === 'audio') return 'AUDIO';
  if (major === 'text') return 'TEXT';
  return 'OTHER';
}

/** RFC 3339 text to a Date; null when absent or unreadable rather than an Invalid Date. */
export function toDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function num(record: Record<string, unknown> | null, ...keys: string[]): number | null {
  if (!record) return null;
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

function rendition(wire: { status?: string | null | undefined } | null | undefined, url: string | null | undefined): TwelveLabsRendition | null {
  if (!wire) return null;
  // The URL is only sent once the rendition is ready, so a missing status is read from its presence.
  return { url: url ?? null, status: wire.status ?? (url ? 'ready' : 'pending') };
}

export function mapAsset(wire: WireAssetDetail): TwelveLabsAsset {
  const tm = wire.technical_metadata ?? null;
  const hlsUrl = wire.hls?.manifest_url ?? null;
  return {
    provider: 'TWELVE_LABS',
    providerId: wire._id,
    name: wire.filename ?? null,
    mediaType: mediaTypeOf(wire.file_type),
    status: mapStatus(wire.status),
    providerStatus: wire.status ?? null,
    createdAt: toDate(wire.created_at),
    updatedAt: null,
    url: hlsUrl ?? wire.url ?? null,
    // Only the legacy `url` is a file URL ("preview or download"); the HLS manifest is not a download.
    downloadUrl: wire.url ?? null,
    thumbnailUrl: wire.thumbnail?.representative_url ?? null,
    durationSeconds: wire.duration ?? num(tm, 'video_duration_seconds', 'audio_duration_seconds', 'duration'),
    sizeBytes: wire.size ?? num(tm, 'file_size_bytes', 'size'),
    mimeType: wire.file_type ?? null,
    width: num(tm, 'video_width', 'image_width', 'width'),
    height: num(tm, 'video_height', 'image_height', 'height'),
    method: wire.method ?? null,
    filename: wire.filename ?? null,
    userMetadata: wire.user_metadata ?? null,
    hls: rendition(wire.hls, hlsUrl),
    thumbnail: rendition(wire.thumbnail, wire.thumbnail?.representative_url),
    technicalMetadata: tm,
    errorMessage: wire.error?.message ?? null,
    urlExpiresAt: toDate(wire.url_expires_at),
  };
}

const KIND_OF_CODE: Record<string, ProviderErrorKind> = {
  resource_not_exist: 'NOT_FOUND',
  too_many_requests: 'RATE_LIMITED',
  api_key_invalid: 'UNAUTHORIZED',
  unauthorized: 'UNAUTHORIZED',
  // Account-level refusals: retrying or changing the request cannot help, the credentials must change.
  api_allowed_for_paid_plan: 'UNAUTHORIZED',
  api_not_allowed: 'UNAUTHORIZED',
  region_not_allowed: 'UNAUTHORIZED',
  request_canceled_or_timed_out: 'UNAVAILABLE',
  parameter_invalid: 'REJECTED',
  parameter_not_provided: 'REJECTED',
  parameter_unknown: 'REJECTED',
};

/**
 * Reads both error envelopes. The code decides the kind where it is known (an unknown id is a 400
 * `resource_not_exist`, which the status alone would call REJECTED); otherwise the status does.
 */
export function classifyTwelveLabsError(status: number, body: unknown): { detail: string; kind?: ProviderErrorKind | undefined } {
  const parsed = wireError.safeParse(body);
  const fields = parsed.success ? ('error' in parsed.data ? parsed.data.error : parsed.data) : undefined;
  const code = fields?.code ?? undefined;
  const message = fields?.message ?? (typeof body === 'string' && body.trim() ? body.trim() : undefined);
  const detail = [code, message ?? `HTTP ${status}`].filter(Boolean).join(': ');
  if (status === 404) return { detail, kind: 'NOT_FOUND' };
  if (status === 429) return { detail, kind: 'RATE_LIMITED' };
  if (status === 401) return { detail, kind: 'UNAUTHORIZED' };
  const byCode = code === undefined ? undefined : KIND_OF_CODE[code];
  // A 5xx stays retryable whatever its code says.
  if (status >= 500) return { detail, kind: byCode === 'RATE_LIMITED' ? byCode : undefined };
  return { detail, kind: byCode };
}

/**
 * Each part is a PUT of raw bytes with `Content-Type: application/octet-stream` (TL-PY
 * `_upload_chunk_to_s3`, providers.md §3.2), plus whatever `upload_headers` the session names (they
 * win over this default, whatever their spelling).
 */
export function partHeaders(session: WireUploadSession): { name: string; value: string }[] {
  const given = Object.entries(session.upload_headers ?? {}).map(([name, value]) => ({ name, value }));
  const typed = given.some((h) => h.name.toLowerCase() === 'content-type');
  return typed ? given : [{ name: 'Content-Type', value: 'application/octet-stream' }, ...given];
}

/**
 * A multipart upload session as an UploadTarget: PUT each part to its URL with `partHeaders`.
 * `expiresAt` is the earliest moment something given here stops working: a part URL (one hour) or the
 * session (24 hours).
 */
export function mapUploadTarget(session: WireUploadSession, parts: readonly WirePresignedUrl[], asset: TwelveLabsAsset | null): UploadTarget {
  const expiries = [session.expires_at, ...parts.map((p) => p.expires_at)]
    .map(toDate)
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime());
  return {
    url: parts[0]?.url ?? '',
    method: 'PUT',
    fields: [],
    headers: partHeaders(session),
    parts: parts.map((p) => ({ partNumber: p.chunk_index, url: p.url })),
    chunkSizeBytes: session.chunk_size,
    uploadId: session.upload_id,
    expiresAt: expiries.length > 0 ? new Date(Math.min(...expiries)) : null,
    asset,
  };
}
