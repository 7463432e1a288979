import type { Route, SandboxRequest, SandboxResponse } from '../server.js';
import { intField, invalid, isResponse, missing, readJson } from './body.js';
import { FILENAME_MAX } from './create.js';
import { MESSAGES, tlError } from './errors.js';
import type { AssetKind } from './names.js';
import { rfc3339, SANDBOX_CDN } from './seed.js';
import { URL_TTL_MS, type Session } from './sessions.js';
import type { TwelveLabsStore } from './store.js';
import { mimeOfName, uploadedAsset } from './uploads.js';
import { guarded } from './writeRoutes.js';

/**
 * The largest `total_size` per type: 10 GB for video and audio, 32 MB for images (TL-PY
 * `multipart_upload`; providers.md §3.2), "GB"/"MB" read as GiB/MiB [I]. At most 50 URLs per
 * presigned-urls call.
 */
export const MULTIPART_MAX_BYTES: Record<AssetKind, number> = { video: 10 * 1024 ** 3, audio: 10 * 1024 ** 3, image: 32 * 1024 ** 2 };
const URLS_PER_CALL = 50;
const TYPES = new Set<AssetKind>(['video', 'audio', 'image']);
const DEFAULT_MIME: Record<AssetKind, string> = { video: 'video/mp4', audio: 'audio/mpeg', image: 'image/jpeg' };

/** Where part `index` goes: a signed URL on this same server standing in for S3's presigned PUT. */
function partUrl(store: TwelveLabsStore, base: string, session: Session, index: number) {
  const { expires, signature } = store.sessions.sign(session.uploadId, index);
  const path = `/multipart-uploads/${session.uploadId}/chunks/${index}`;
  const url = `${base}${path}?expires=${expires}&signature=${signature}`;
  return { chunk_index: index, url, expires_at: rfc3339(expires * 1000) };
}

const baseOf = (prefix: string, req: SandboxRequest) => `http://${req.headers.host ?? '127.0.0.1'}${prefix}`;

function urls(store: TwelveLabsStore, base: string, session: Session, start: number, count: number) {
  return Array.from({ length: count }, (_, i) => partUrl(store, base, session, start + i));
}

/** The body of a create-session call, checked as Twelve Labs checks it, or the 400 it answers. */
function readSessionRequest(req: SandboxRequest) {
  const body = readJson(req);
  if (isResponse(body)) return body;
  const { filename, type } = body;
  if (filename === undefined) return missing('filename');
  const length = typeof filename === 'string' ? [...filename].length : 0;
  if (typeof filename !== 'string' || length < 1 || length > FILENAME_MAX) return invalid('filename');
  if (type === undefined) return missing('type');
  if (typeof type !== 'string' || !TYPES.has(type as AssetKind)) return invalid('type', ' Use video, audio or image.');
  const totalSize = intField(body, 'total_size', 1, MULTIPART_MAX_BYTES[type as AssetKind]);
  if (isResponse(totalSize)) return totalSize;
  for (const name of ['enable_hls', 'enable_thumbnail']) {
    if (body[name] !== undefined && typeof body[name] !== 'boolean') return invalid(name, ' Use true or false.');
  }
  return { body, filename, kind: type as AssetKind, totalSize };
}

function createSession(store: TwelveLabsStore, base: string, req: SandboxRequest): SandboxResponse {
  const request = readSessionRequest(req);
  if (isResponse(request)) return request;
  const { body, filename, kind, totalSize } = request;
  const now = store.now();
  const assetId = store.newId();
  const session = store.sessions.create(assetId, filename, totalSize);
  const mime = mimeOfName(filename) ?? DEFAULT_MIME[kind];
  // The asset id is reserved at once; it reads as `processing` until every part is reported [I].
  store.add(
    uploadedAsset({
      id: assetId,
      method: 'multipart',
      kind,
      mime,
      filename,
      createdAtMs: now,
      size: totalSize,
      hls: body['enable_hls'] === true,
      thumbnail: body['enable_thumbnail'] === true,
      readyAt: Infinity,
    }),
  );
  const first = Math.min(store.sessions.initialUrls, session.totalChunks);
  return {
    status: 201,
    body: {
      upload_id: session.uploadId,
      asset_id: assetId,
      upload_urls: urls(store, base, session, 1, first),
      upload_headers: {},
      chunk_size: session.chunkSize,
      total_chunks: session.totalChunks,
      expires_at: rfc3339(session.expiresAtMs),
    },
  };
}

function findSession(store: TwelveLabsStore, req: SandboxRequest): Session | SandboxResponse {
  const id = req.params['upload_id'] ?? '';
  // 404 "Upload not found" is the documented answer for an unknown session.
  return store.sessions.get(id) ?? tlError(404, 'resource_not_exist', MESSAGES.resourceNotExist(id, 'multipart uploads'));
}

function presignedUrls(store: TwelveLabsStore, base: string, req: SandboxRequest): SandboxResponse {
  const session = findSession(store, req);
  if (isResponse(session)) return session;
  const body = readJson(req);
  if (isResponse(body)) return body;
  const start = intField(body, 'start', 1, session.totalChunks);
  if (isResponse(start)) return start;
  const count = intField(body, 'count', 1, Math.min(URLS_PER_CALL, session.totalChunks - start + 1));
  if (isResponse(count)) return count;
  const now = store.now();
  return {
    status: 200,
    body: {
      upload_id: session.uploadId,
      start_index: start,
      count,
      upload_urls: urls(store, base, session, start, count),
      generated_at: rfc3339(now),
      expires_at: rfc3339(now + URL_TTL_MS),
    },
  };
}

function reportChunks(store: TwelveLabsStore, req: SandboxRequest): SandboxResponse {
  const session = findSession(store, req);
  if (isResponse(session)) return session;
  const body = readJson(req);
  if (isResponse(body)) return body;
  const chunks = body['completed_chunks'];
  if (chunks === undefined) return missing('completed_chunks');
  if (!Array.isArray(chunks) || chunks.length === 0) return invalid('completed_chunks', ' It must be a non-empty array.');
  const indexes: number[] = [];
  for (const chunk of chunks as Record<string, unknown>[]) {
    const bad = checkChunk(store, session, chunk);
    if (bad) return bad;
    indexes.push(chunk['chunk_index'] as number);
  }
  const fresh = indexes.filter((i) => !session.reported.has(i));
  for (const i of fresh) session.reported.add(i);
  const done = session.reported.size === session.totalChunks;
  if (done && !session.completed) {
    session.completed = true;
    store.settleAt(session.assetId, store.now() + store.uploadDelayMs);
  }
  return {
    status: 200,
    body: {
      ...(done && { url: `${SANDBOX_CDN}/uploads/${session.assetId}/${encodeURIComponent(session.filename)}` }),
      asset_id: session.assetId,
      processed_chunks: new Set(fresh).size,
      duplicate_chunks: indexes.length - new Set(fresh).size,
      total_completed: session.reported.size,
    },
  };
}

/** A reported chunk must have arrived with that ETag and the size its position calls for. */
function checkChunk(store: TwelveLabsStore, session: Session, chunk: Record<string, unknown>): SandboxResponse | undefined {
  if (typeof chunk !== 'object' || chunk === null) return invalid('completed_chunks');
  const index = intField(chunk, 'chunk_index', 1, session.totalChunks);
  if (isResponse(index)) return index;
  if (chunk['proof_type'] !== 'etag') return invalid('proof_type', ' Use etag.');
  const size = intField(chunk, 'chunk_size', 1, session.chunkSize);
  if (isResponse(size)) return size;
  const received = session.received.get(index);
  const proof = typeof chunk['proof'] === 'string' ? chunk['proof'].replaceAll('"', '') : undefined;
  if (!received || proof !== received.etag) return invalid('proof', ` Chunk ${index} was not uploaded with this ETag.`);
  if (size !== received.size || size !== store.sessions.expectedSize(session, index)) {
    return invalid('chunk_size', ` Chunk ${index} must be ${store.sessions.expectedSize(session, index)} bytes.`);
  }
  return undefined;
}

/** S3's XML error, which is what a presigned part URL answers with. */
function s3Error(status: number, code: string, message: string): SandboxResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return { status, headers: { 'content-type': 'application/xml' }, body };
}

function putPart(store: TwelveLabsStore, req: SandboxRequest): SandboxResponse {
  const session = store.sessions.get(req.params['upload_id'] ?? '');
  const index = Number(req.params['chunk_index']);
  if (!session || session.completed) return s3Error(404, 'NoSuchUpload', 'The specified upload does not exist.');
  const check = store.sessions.check(session.uploadId, index, req.query.get('expires'), req.query.get('signature'));
  if (check === 'expired') return s3Error(403, 'AccessDenied', 'Request has expired');
  // The part URLs are taken to be signed with the octet-stream type TL-PY sends each part with
  // (providers.md §3.2) [I: whether S3 signs the type here is undocumented]: another type, or none,
  // fails the signature, as S3 answers a header that differs from the signed one.
  const type = String(req.headers['content-type'] ?? '')
    .split(';', 1)[0]!
    .trim()
    .toLowerCase();
  if (check === 'denied' || type !== 'application/octet-stream') {
    return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
  const etag = store.sessions.receive(session, index, req.body);
  return { status: 200, headers: { etag: `"${etag}"` } };
}

export function twelveLabsMultipartRoutes(store: TwelveLabsStore, prefix: string): Route[] {
  return [
    guarded('POST', '/assets/multipart-uploads', (req) => createSession(store, baseOf(prefix, req), req)),
    guarded('POST', '/assets/multipart-uploads/:upload_id', (req) => reportChunks(store, req)),
    guarded('POST', '/assets/multipart-uploads/:upload_id/presigned-urls', (req) => presignedUrls(store, baseOf(prefix, req), req)),
    // Presigned: no x-api-key, the signature in the query is the credential.
    { method: 'PUT', pattern: '/multipart-uploads/:upload_id/chunks/:chunk_index', handler: (req) => putPart(store, req) },
  ];
}
