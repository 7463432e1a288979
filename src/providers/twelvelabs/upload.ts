import { badInput } from '../../errors/domain.js';
import type { ProviderHttp } from '../http/index.js';
import type { TwelveLabsAsset } from './types.js';
import type { UploadFile, UploadInput } from '../types.js';
import { mapAsset } from './map.js';
import { abandonedUpload, fileStreamFailure } from '../file-stream.js';
import { encodeMultipart, type MultipartFile } from '../multipart.js';
import { wireAssetDetail } from './wire.js';

/** Documented limits of POST /assets ("MB" read as MiB [I]); over 200 MB, video/audio go multipart. */
export const TWELVE_LABS_DIRECT_MAX_BYTES = 200 * 1024 * 1024;
export const TWELVE_LABS_IMAGE_MAX_BYTES = 32 * 1024 * 1024;
export const TWELVE_LABS_FILENAME_MAX = 255;

export type TwelveLabsMediaKind = 'video' | 'audio' | 'image';
type Metadata = Record<string, string | number | boolean>;

/** Extensions for files whose MIME type is missing or generic (application/octet-stream). */
const MIME_OF_EXT: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  mpg: 'video/mpeg',
  mpeg: 'video/mpeg',
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
};

/** The file's MIME type, or one guessed from the name when the type says nothing. */
export function mimeOf(type: string, name: string): string | undefined {
  const given = type.split(';', 1)[0]!.trim().toLowerCase();
  if (given && given !== 'application/octet-stream') return given;
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : MIME_OF_EXT[name.slice(dot + 1).toLowerCase()];
}

export function kindOf(mime: string | undefined): TwelveLabsMediaKind | undefined {
  const major = mime?.split('/', 1)[0];
  return major === 'video' || major === 'audio' || major === 'image' ? major : undefined;
}

export function checkFilename(name: string, field = 'filename'): void {
  const length = [...name].length;
  if (length < 1 || length > TWELVE_LABS_FILENAME_MAX) {
    throw badInput(`${field} must be 1–${TWELVE_LABS_FILENAME_MAX} characters (got ${length})`, { field });
  }
}

/** user_metadata values the API takes: strings, finite numbers and booleans. */
export function checkMetadata(metadata: Record<string, unknown>, field = 'metadata'): Metadata {
  for (const [key, value] of Object.entries(metadata)) {
    const ok = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw badInput(`${field}.${key} must be a string, a finite number or a boolean`, { field });
  }
  return metadata as Metadata;
}

function checkUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    throw badInput('url must be an http(s) URL the provider can fetch', { field: 'url' });
  }
}

/** The file part, after the checks the API would make: type, emptiness and the per-type size limit. */
function filePart(file: UploadFile, filename: string): MultipartFile {
  const mime = mimeOf(file.type, filename) ?? mimeOf('', file.name);
  const kind = kindOf(mime);
  if (!kind || !mime) throw badInput('Twelve Labs takes video, audio and image files only', { field: 'file' });
  if (file.size === 0) throw badInput('the file is empty', { field: 'file' });
  const limit = kind === 'image' ? TWELVE_LABS_IMAGE_MAX_BYTES : TWELVE_LABS_DIRECT_MAX_BYTES;
  if (file.size > limit) {
    const rule = kind === 'image' ? 'images up to 32 MB' : 'video and audio up to 200 MB (use an upload target above that)';
    throw badInput(`the file is ${file.size} bytes; Twelve Labs takes ${rule}`, { field: 'file' });
  }
  return { field: 'file', filename, contentType: mime, file };
}

/** The form fields in the SDK's order; renditions stay off (they cost processing the caller did not ask for). */
export function uploadForm(input: UploadInput): { fields: [string, string][]; file?: MultipartFile } {
  if ((input.file === undefined) === (input.url === undefined)) {
    throw badInput('give exactly one of file and url', { field: 'file' });
  }
  const filename = input.filename || input.file?.name || undefined;
  if (filename !== undefined) checkFilename(filename);
  else if (input.file) throw badInput('filename must be 1–255 characters (the file has no name)', { field: 'filename' });
  const fields: [string, string][] = [['method', input.file ? 'direct' : 'url']];
  const file = input.file && filePart(input.file, filename!);
  if (input.url !== undefined) {
    checkUrl(input.url);
    fields.push(['url', input.url]);
  }
  if (filename !== undefined) fields.push(['filename', filename]);
  fields.push(['enable_hls', 'false'], ['enable_thumbnail', 'false']);
  if (input.metadata && Object.keys(input.metadata).length > 0) {
    fields.push(['user_metadata', JSON.stringify(checkMetadata(input.metadata))]);
  }
  return file ? { fields, file } : { fields };
}

/** POST /assets: one call, never retried; 201 → the asset, `processing` until the provider is done. */
export async function uploadAsset(http: ProviderHttp, input: UploadInput): Promise<TwelveLabsAsset> {
  const { fields, file } = uploadForm(input);
  const { body, headers } = encodeMultipart(fields, file);
  try {
    const endpoint = 'POST /assets';
    const wire = await http.request({ method: 'POST', path: '/assets', endpoint, headers, body, schema: wireAssetDetail });
    return mapAsset(wire);
  } catch (error) {
    const broken = fileStreamFailure(error);
    throw broken ? abandonedUpload(broken) : error;
  }
}

/** A file that broke while being sent is our side's failure; say so instead of "network error". */
