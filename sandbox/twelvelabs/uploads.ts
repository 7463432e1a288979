import { SeededRandom } from '../random.js';
import { pendingView } from './entry.js';
import { measureAudio, measureImage, measureVideo, type Measured } from './media.js';
import { FORMATS, type AssetKind, type FileFormat } from './names.js';
import { rfc3339, SANDBOX_CDN, type TlAssetRecord } from './seed.js';
import type { NewAsset } from './store.js';

/** Extensions the platform takes, for parts sent as application/octet-stream and for URLs. */
const MIME_OF_EXT: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  mpg: 'video/mpeg',
  mpeg: 'video/mpeg',
  ts: 'video/mp2t',
  '3gp': 'video/3gpp',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  bmp: 'image/bmp',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

export function mimeOfName(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : MIME_OF_EXT[name.slice(dot + 1).toLowerCase()];
}

export function kindOfMime(mime: string | undefined): AssetKind | undefined {
  const major = mime?.split('/', 1)[0]?.toLowerCase();
  return major === 'video' || major === 'audio' || major === 'image' ? major : undefined;
}

export interface UploadSpec {
  id: string;
  method: TlAssetRecord['method'];
  kind: AssetKind;
  mime: string;
  filename: string;
  createdAtMs: number;
  /** Bytes, when known before processing (direct and multipart uploads). */
  size?: number;
  userMetadata?: Record<string, string | number | boolean>;
  hls: boolean;
  thumbnail: boolean;
  /** Set: the asset ends `failed` with this message instead of `ready`. */
  failure?: string;
  /** Absolute ms when it settles; Infinity until started (multipart). */
  readyAt: number;
}

function measure(r: SeededRandom, kind: AssetKind, format: FileFormat): Measured {
  if (kind === 'video') return measureVideo(r, format);
  if (kind === 'image') return measureImage(r, format);
  return measureAudio(r, format);
}

/**
 * A new asset, as it reads while processing and once settled. The sandbox never decodes the bytes:
 * duration and streams are drawn from a PRNG seeded by the id, the size is the real one when known.
 */
export function uploadedAsset(spec: UploadSpec): NewAsset {
  const { id, kind, mime } = spec;
  const base: TlAssetRecord = {
    _id: id,
    method: spec.method,
    status: 'ready',
    filename: spec.filename,
    file_type: mime,
    created_at: rfc3339(spec.createdAtMs),
    ...(spec.userMetadata && Object.keys(spec.userMetadata).length > 0 && { user_metadata: spec.userMetadata }),
  };
  // HLS is for video and audio, thumbnails for video and images (TL-JS create docstrings).
  const hls = spec.hls && kind !== 'image';
  const thumbnail = spec.thumbnail && kind !== 'audio';
  const settled = spec.failure === undefined ? ready(base, spec, hls, thumbnail) : failed(base, spec.failure, hls, thumbnail);
  return { kind, settled, pending: pendingView(settled), readyAt: spec.readyAt };
}

function ready(base: TlAssetRecord, spec: UploadSpec, hls: boolean, thumbnail: boolean): TlAssetRecord {
  const ext = spec.filename.includes('.') ? spec.filename.slice(spec.filename.lastIndexOf('.') + 1) : spec.kind;
  const format = FORMATS[spec.kind].find((f) => f.mime === spec.mime) ?? { ext, mime: spec.mime, container: ext };
  const measured = measure(new SeededRandom(parseInt(spec.id.slice(-8), 16)), spec.kind, format);
  const size = spec.size ?? measured.size;
  return {
    ...base,
    size,
    ...(measured.duration !== undefined && { duration: measured.duration }),
    ...(hls && { hls: { manifest_url: `${SANDBOX_CDN}/hls/${spec.id}/master.m3u8`, status: 'ready' as const } }),
    ...(thumbnail && {
      thumbnail: {
        representative_url: `${SANDBOX_CDN}/thumbnails/${spec.id}/representative.jpg`,
        status: 'ready' as const,
      },
    }),
    technical_metadata: { ...measured.technical, file_size_bytes: size },
  };
}

function failed(base: TlAssetRecord, message: string, hls: boolean, thumbnail: boolean): TlAssetRecord {
  return {
    ...base,
    status: 'failed',
    ...(hls && { hls: { status: 'error' as const } }),
    ...(thumbnail && { thumbnail: { status: 'error' as const } }),
    error: { message },
  };
}
