/**
 * The one list of what useapi.net's `POST /runwayml/assets/` accepts: its Content-Type table (UA-DOCS
 * post-runwayml-assets, revision of 2025-07-22), in the docs' order and spelling. The client and the
 * sandbox both read it from here.
 */

export type RunwayMediaKind = 'image' | 'video' | 'audio';

export interface RunwayUploadType {
  /** Exactly as the docs spell it (`video/MP2T` included): this is what goes on the wire. */
  contentType: string;
  /** The extension the docs pair with it (Runway's `fileExtStandardized`). */
  extension: string;
  mediaType: RunwayMediaKind;
}

const table = (mediaType: RunwayMediaKind, rows: [string, string][]): RunwayUploadType[] =>
  rows.map(([contentType, extension]) => ({ contentType, extension, mediaType }));

export const RUNWAY_UPLOAD_TYPES: readonly RunwayUploadType[] = [
  ...table('image', [
    ['image/png', 'png'],
    ['image/jpeg', 'jpeg'],
    ['image/gif', 'gif'],
    ['image/webp', 'webp'],
    ['image/mpo', 'mpo'],
  ]),
  ...table('video', [
    ['video/mp4', 'mp4'],
    ['video/quicktime', 'mov'],
    ['video/3gpp', '3gp'],
    ['video/x-matroska', 'mkv'],
    ['video/x-flv', 'flv'],
    ['video/mpeg', 'mpeg'],
    ['video/MP2T', 'ts'],
    ['video/x-msvideo', 'avi'],
    ['video/x-motion-jpeg', 'mjpeg'],
    ['video/webm', 'webm'],
    ['video/ogg', 'ogv'],
  ]),
  ...table('audio', [
    ['audio/wav', 'wav'],
    ['audio/wave', 'wav'],
    ['audio/mpeg', 'mp3'],
    ['audio/flac', 'flac'],
    ['audio/ogg', 'ogg'],
    ['audio/webm', 'webm'],
  ]),
];

/**
 * [I] useapi documents no size limit for this endpoint. It sits behind Cloudflare, whose request-body
 * caps run from 100 MB to 500 MB by plan; the generous end is used so a valid file is never refused here.
 */
export const RUNWAY_UPLOAD_MAX_BYTES = 500 * 1024 * 1024;

const BY_TYPE = new Map(RUNWAY_UPLOAD_TYPES.map((t) => [t.contentType.toLowerCase(), t]));

/** The first row per extension wins, so `.webm` reads as video and `.wav` as audio/wav. */
const BY_EXTENSION = new Map<string, RunwayUploadType>();
for (const t of RUNWAY_UPLOAD_TYPES) if (!BY_EXTENSION.has(t.extension)) BY_EXTENSION.set(t.extension, t);
BY_EXTENSION.set('jpg', BY_TYPE.get('image/jpeg')!);

// Spellings browsers and OSes put on the same formats; the client sends useapi's own spelling instead.
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/vnd.wave': 'audio/wave',
  'audio/x-flac': 'audio/flac',
};

/** `type/subtype` lower-cased, without parameters (`; codecs=...`). */
export function bareContentType(value: string | undefined): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The table row for a Content-Type header as useapi would match it ([I] case-insensitive, parameters ignored). */
export function runwayUploadType(contentType: string | undefined): RunwayUploadType | undefined {
  return BY_TYPE.get(bareContentType(contentType));
}

/**
 * What to send for a file: its own type (or a known alias of an accepted one); when the file carries no
 * real type (empty or application/octet-stream), the extension of its name. Undefined: not uploadable.
 */
export function resolveRunwayUploadType(fileType: string, filename: string): RunwayUploadType | undefined {
  const bare = bareContentType(fileType);
  if (bare !== '' && bare !== 'application/octet-stream') return BY_TYPE.get(ALIASES[bare] ?? bare);
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION.get(filename.slice(dot + 1).toLowerCase());
}
