import type { SandboxRequest, SandboxResponse } from '../server.js';
import { invalid, isResponse, missing } from './body.js';
import { MESSAGES, tlError } from './errors.js';
import type { AssetKind } from './names.js';
import type { TwelveLabsStore } from './store.js';
import { kindOfMime, mimeOfName, uploadedAsset } from './uploads.js';

/** Documented upload limits; "MB" read as MiB [I]. Larger local video/audio goes through multipart. */
export const DIRECT_MAX_BYTES = 200 * 1024 * 1024;
export const IMAGE_MAX_BYTES = 32 * 1024 * 1024;
export const FILENAME_MAX = 255;
const FIELDS = new Set(['method', 'file', 'url', 'filename', 'enable_hls', 'enable_thumbnail', 'user_metadata']);
/** Test hook: a `method=url` upload whose URL path ends in /fail turns `failed` instead of `ready`. */
export const URL_FAILURE = 'The platform could not download the file from the provided URL (HTTP 404 Not Found).';

type Metadata = Record<string, string | number | boolean>;

async function readForm(req: SandboxRequest): Promise<FormData | SandboxResponse> {
  const type = String(req.headers['content-type'] ?? '');
  // Only 400 is documented for create, so a wrong content type is a 400 too [I: could be 415].
  if (!/^multipart\/form-data\s*;/i.test(type)) return invalid('body', ' The request must be multipart/form-data.');
  try {
    // Node's fetch parses multipart/form-data; a Buffer is a valid body at run time.
    return await new Response(req.body as unknown as BodyInit, { headers: { 'content-type': type } }).formData();
  } catch {
    return invalid('body', ' It could not be parsed as multipart/form-data.');
  }
}

/** A text field: undefined when absent, null when it came as a file. */
function text(form: FormData, name: string): string | undefined | null {
  const value = form.get(name);
  return value === null ? undefined : typeof value === 'string' ? value : null;
}

function flag(form: FormData, name: string): boolean | SandboxResponse {
  const value = text(form, name);
  if (value === undefined) return false;
  return value === 'true' || value === 'false' ? value === 'true' : invalid(name, ' Use true or false.');
}

/** user_metadata: a JSON-encoded object of string / number / boolean values. */
export function parseMetadata(raw: string | undefined | null): Metadata | undefined | SandboxResponse {
  if (raw === undefined) return undefined;
  const why = ' It must be a JSON object whose values are strings, numbers or booleans.';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    return invalid('user_metadata', why);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return invalid('user_metadata', why);
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number';
  return Object.values(parsed).every(scalar) ? (parsed as Metadata) : invalid('user_metadata', why);
}

interface Source {
  method: 'direct' | 'url';
  kind: AssetKind;
  mime: string;
  filename: string;
  size?: number;
  failure?: string;
}

function directSource(form: FormData, filename: string | undefined): Source | SandboxResponse {
  const file = form.get('file');
  if (file === null) return missing('file');
  if (typeof file === 'string') return invalid('file', ' It must be a file.');
  if (form.has('url')) return invalid('url', ' Send either a file (method=direct) or a url (method=url).');
  const name = filename ?? file.name;
  const sent = file.type && file.type !== 'application/octet-stream' ? file.type : undefined;
  const mime = sent ?? mimeOfName(name) ?? mimeOfName(file.name);
  const kind = kindOfMime(mime);
  if (!kind || !mime) return invalid('file', ' Supported content: video, audio and images.');
  if (file.size === 0) return invalid('file', ' The file is empty.');
  // Only 400 is documented for create: an oversized file is a 400 parameter_invalid, not a 413.
  const limit = kind === 'image' ? IMAGE_MAX_BYTES : DIRECT_MAX_BYTES;
  if (file.size > limit) {
    const rule = kind === 'image' ? 'Images: up to 32 MB.' : 'Local video and audio files: up to 200 MB; use the Multipart Upload API for larger files.';
    return invalid('file', ` ${rule}`);
  }
  return { method: 'direct', kind, mime, filename: name, size: file.size };
}

function urlSource(form: FormData, filename: string | undefined): Source | SandboxResponse {
  const raw = text(form, 'url');
  if (raw === undefined) return missing('url');
  if (form.has('file')) return invalid('file', ' Send either a file (method=direct) or a url (method=url).');
  let url: URL;
  try {
    url = new URL(raw ?? '');
  } catch {
    return invalid('url', ' It must be an http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return invalid('url', ' It must be an http(s) URL.');
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  const name = filename ?? (last || url.hostname);
  // Before the download only the URL hints at the type; the platform sniffs the bytes [I: video assumed].
  const mime = mimeOfName(url.pathname) ?? 'video/mp4';
  const failure = url.pathname.endsWith('/fail') ? URL_FAILURE : undefined;
  return { method: 'url', kind: kindOfMime(mime) ?? 'video', mime, filename: name, ...(failure && { failure }) };
}

function parseSource(form: FormData): Source | SandboxResponse {
  for (const key of form.keys()) {
    if (!FIELDS.has(key)) return tlError(400, 'parameter_unknown', MESSAGES.parameterUnknown(key));
  }
  const method = text(form, 'method');
  if (method === undefined || method === '') return missing('method');
  if (method !== 'direct' && method !== 'url') return invalid('method', ' Use direct or url.');
  const filename = text(form, 'filename');
  if (filename === null || (filename !== undefined && ([...filename].length < 1 || [...filename].length > FILENAME_MAX))) {
    return invalid('filename', ` It must be 1-${FILENAME_MAX} characters.`);
  }
  return method === 'direct' ? directSource(form, filename) : urlSource(form, filename);
}

/** POST /assets: 201 with the new asset, `processing` until the store's upload delay has passed. */
export async function createAsset(store: TwelveLabsStore, req: SandboxRequest): Promise<SandboxResponse> {
  const form = await readForm(req);
  if (isResponse(form)) return form;
  const source = parseSource(form);
  if (isResponse(source)) return source;
  const hls = flag(form, 'enable_hls');
  if (isResponse(hls)) return hls;
  const thumbnail = flag(form, 'enable_thumbnail');
  if (isResponse(thumbnail)) return thumbnail;
  const userMetadata = parseMetadata(text(form, 'user_metadata'));
  if (isResponse(userMetadata)) return userMetadata;
  const now = store.now();
  const asset = uploadedAsset({
    ...source,
    id: store.newId(),
    createdAtMs: now,
    hls,
    thumbnail,
    readyAt: now + store.uploadDelayMs,
    ...(userMetadata && { userMetadata }),
  });
  // The create reply is an `Asset`: the rendition sub-objects belong to AssetDetail (retrieve, list).
  const { hls: _hls, thumbnail: _thumbnail, ...reply } = store.add(asset);
  return { status: 201, body: reply };
}
