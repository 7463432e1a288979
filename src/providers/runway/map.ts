import type { ErrorClassifier } from '../http/index.js';
import type { MediaType } from '../types.js';
import type { RunwayAsset } from './types.js';
import { RUNWAY_UPLOAD_TYPES, type RunwayUploadType } from './media-types.js';
import { runwayErrorSchema, type RunwayWireAsset, type RunwayWireMetadata, type RunwayWireUploadReply } from './wire.js';

const MEDIA_TYPES: Record<string, MediaType> = { video: 'VIDEO', image: 'IMAGE', audio: 'AUDIO' };

// Only extensions whose MIME type is unambiguous; anything else stays null rather than guessed.
const MIME_TYPES: Record<string, string> = {
  // useapi's upload table (mkv, avi, ts, ...) first, so the entries below win where both name one.
  ...Object.fromEntries(RUNWAY_UPLOAD_TYPES.map((t) => [t.extension, t.contentType])),
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
};

/**
 * One useapi.net Runway asset in the domain shape. `fallbackId` is the id the caller asked for, used
 * when the reply omits `assetId` (the docs mark every field optional); null when there is no id at all.
 */
export function mapRunwayAsset(wire: RunwayWireAsset, fallbackId?: string): RunwayAsset | null {
  const providerId = wire.assetId ?? fallbackId;
  if (!providerId) return null;
  const media = readMetadata(wire.metadata);
  const extension = wire.fileExtStandardized?.toLowerCase() ?? null;
  const previewUrls = wire.previewUrls ?? [];
  return {
    provider: 'RUNWAY',
    providerId,
    name: wire.name ?? null,
    mediaType: mapMediaType(wire.mediaType),
    // Runway assets carry no status: an asset exists only once its generation or upload finished
    // (progress lives on tasks), so every asset is READY and there is no raw value to keep.
    status: 'READY',
    providerStatus: null,
    createdAt: toDate(wire.createdAt),
    updatedAt: toDate(wire.updatedAt),
    url: wire.url ?? null,
    // `url` is the file itself (a signed CDN link), so it is also the way to download it.
    downloadUrl: wire.url ?? null,
    thumbnailUrl: previewUrls[0] ?? null,
    durationSeconds: media.duration,
    sizeBytes: wire.fileSize ?? null,
    mimeType: extension ? (MIME_TYPES[extension] ?? null) : null,
    width: media.width,
    height: media.height,
    uuid: wire.id ?? null,
    taskId: wire.taskId ?? null,
    parentAssetGroupId: wire.parentAssetGroupId ?? null,
    mediaSubtype: wire.mediaSubtype ?? null,
    fileCount: wire.fileCount ?? null,
    fileExtension: extension,
    isUserUpload: wire.isUserUpload ?? null,
    previewUrls,
    isPrivate: wire.private ?? null,
    favorite: wire.favorite ?? null,
    username: wire.username ?? null,
    frameRate: media.frameRate,
    hasAudio: media.hasAudio,
    hasAlphaChannel: media.hasAlphaChannel,
  };
}

/**
 * The reply of POST /assets/ (its own model: `type.type`, `size`, `user`) in the domain shape. What the
 * reply leaves out is filled from what was sent: the upload's type row and, for an upload, isUserUpload.
 * Null when the reply carries no assetId.
 */
export function mapRunwayUpload(wire: RunwayWireUploadReply, sent: RunwayUploadType): RunwayAsset | null {
  const asset = mapRunwayAsset({
    ...wire,
    mediaType: wire.mediaType ?? wire.type?.type ?? sent.mediaType,
    fileSize: wire.fileSize ?? wire.size,
    fileExtStandardized: wire.fileExtStandardized ?? sent.extension,
    username: wire.username ?? wire.user?.username,
    isUserUpload: wire.isUserUpload ?? true,
  });
  return asset && { ...asset, mimeType: asset.mimeType ?? sent.contentType };
}

export function mapMediaType(value: string | null | undefined): MediaType | null {
  if (value === null || value === undefined || value === '') return null;
  return MEDIA_TYPES[value.toLowerCase()] ?? 'OTHER';
}

interface MediaFacts {
  duration: number | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  hasAudio: boolean | null;
  hasAlphaChannel: boolean | null;
}

/** Both metadata revisions: flat width/height (newer) win over size{} and dimensions[] (older). */
function readMetadata(metadata: RunwayWireMetadata | null | undefined): MediaFacts {
  const m = metadata ?? {};
  return {
    duration: m.duration ?? null,
    width: m.width ?? m.size?.width ?? m.dimensions?.[0] ?? null,
    height: m.height ?? m.size?.height ?? m.dimensions?.[1] ?? null,
    frameRate: m.frameRate ?? null,
    hasAudio: m.hasAudio ?? null,
    hasAlphaChannel: m.hasAlphaChannel ?? null,
  };
}

function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Reads `{"error", "code"}`. The HTTP status decides the kind (useapi's statuses are truthful); 412
 * (the Runway account ran out of credits) and 422 (moderated) are explicit REJECTED with the message.
 */
export const classifyRunwayError: ErrorClassifier = (status, body) => {
  const parsed = runwayErrorSchema.safeParse(body);
  const detail = parsed.success ? parsed.data.error : typeof body === 'string' && body.trim() !== '' ? body.trim() : `HTTP ${status}`;
  if (status === 412 || status === 422) return { detail, kind: 'REJECTED' };
  return { detail };
};
