import { mapLimit } from '../concurrency.js';
import { badInput, ProviderError } from '../../errors/domain.js';
import type { ProviderHttp } from '../http/index.js';
import type { PartsReport, UploadedPart, UploadTarget, UploadTargetInput } from '../types.js';
import type { TwelveLabsAsset } from './types.js';
import { mapUploadTarget } from './map.js';
import { checkFilename, kindOf, mimeOf, TWELVE_LABS_IMAGE_MAX_BYTES, type TwelveLabsMediaKind } from './upload.js';
import { wirePresignedUrls, wireReportedChunks, wireUploadSession, type WirePresignedUrl } from './wire.js';

/**
 * The largest file a multipart upload takes, per kind: 10 GB for video and audio, 32 MB for images
 * (TL-PY `multipart_upload`, the newest source; TL-JS docstrings still say 4 GB; providers.md §3.2).
 * "GB" and "MB" are read as GiB and MiB [I], the lenient reading.
 */
export const TWELVE_LABS_MULTIPART_MAX_BYTES: Record<TwelveLabsMediaKind, number> = {
  video: 10 * 1024 ** 3,
  audio: 10 * 1024 ** 3,
  image: TWELVE_LABS_IMAGE_MAX_BYTES,
};
const LIMIT_TEXT: Record<TwelveLabsMediaKind, string> = { video: '10 GB', audio: '10 GB', image: '32 MB' };
/** At most 50 URLs per presigned-urls call (documented). */
const URLS_PER_CALL = 50;
const MORE_URLS = 'POST /assets/multipart-uploads/{upload_id}/presigned-urls';

function checkTarget(input: UploadTargetInput): TwelveLabsMediaKind {
  checkFilename(input.filename);
  const kind = kindOf(mimeOf(input.mimeType, input.filename));
  if (!kind) throw badInput('mimeType must be a video, audio or image type', { field: 'mimeType' });
  const size = input.sizeBytes;
  const max = TWELVE_LABS_MULTIPART_MAX_BYTES[kind];
  if (!Number.isSafeInteger(size) || size < 1 || size > max) {
    throw badInput(`sizeBytes must be an integer from 1 to ${max} (${LIMIT_TEXT[kind]}, the most a ${kind} multipart upload takes)`, {
      field: 'sizeBytes',
    });
  }
  return kind;
}

/**
 * S3's smallest multipart part (every part but the last): no session can have more parts than this
 * allows, whatever chunk size Twelve Labs picks, so it bounds the presigned-urls calls.
 */
const SMALLEST_PART_BYTES = 5 * 1024 ** 2;

/** The most calls createUploadTarget makes: the session, a presigned-urls call per 50 parts, the asset read. */
export function uploadTargetCalls(sizeBytes: number): number {
  const parts = Math.max(1, Math.ceil(sizeBytes / SMALLEST_PART_BYTES));
  return 1 + Math.ceil(parts / URLS_PER_CALL) + 1;
}

/** The runs of missing part numbers, each at most 50 long: one presigned-urls call per run. */
export function missingRuns(have: ReadonlySet<number>, total: number): { start: number; count: number }[] {
  const runs: { start: number; count: number }[] = [];
  for (let i = 1; i <= total; i++) {
    if (have.has(i)) continue;
    const last = runs.at(-1);
    if (last && last.start + last.count === i && last.count < URLS_PER_CALL) last.count++;
    else runs.push({ start: i, count: 1 });
  }
  return runs;
}

/** Names what was already created upstream, since a session cannot be deleted: it expires unused. */
function withSession(error: unknown, uploadId: string, assetId: string | null | undefined): unknown {
  if (!(error instanceof ProviderError)) return error;
  const created = `upload session ${uploadId}${assetId ? ` (asset ${assetId})` : ''} was created and expires unused`;
  return new ProviderError(error.kind, error.provider, error.endpoint, `${error.detail}; ${created}`, {
    ...error.options,
    cause: error,
  });
}

/**
 * Twelve Labs' Multipart Upload API: POST /assets/multipart-uploads opens a session with the first
 * part URLs, presigned-urls fills in the rest, and the asset is read back (null while the provider
 * does not show it yet). The caller PUTs each part, then reports the ETags (reportUploadedParts).
 */
export async function createUploadTarget(
  http: ProviderHttp,
  concurrency: number,
  getAsset: (id: string) => Promise<TwelveLabsAsset>,
  input: UploadTargetInput,
): Promise<UploadTarget> {
  const type = checkTarget(input);
  const session = await http.request({
    method: 'POST',
    path: '/assets/multipart-uploads',
    endpoint: 'POST /assets/multipart-uploads',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      filename: input.filename,
      type,
      total_size: input.sizeBytes,
      enable_hls: false,
      enable_thumbnail: false,
    }),
    schema: wireUploadSession,
  });
  const total = session.total_chunks ?? Math.ceil(input.sizeBytes / session.chunk_size);
  try {
    const urls = new Map(session.upload_urls.map((u) => [u.chunk_index, u] as const));
    const runs = missingRuns(new Set(urls.keys()), total);
    const more = await mapLimit(runs, concurrency, (run) => presignedUrls(http, session.upload_id, run.start, run.count));
    for (const u of more.flat()) urls.set(u.chunk_index, u);
    const parts = Array.from({ length: total }, (_, i) => urls.get(i + 1));
    if (parts.some((p) => p === undefined)) {
      throw new ProviderError('BAD_RESPONSE', 'TWELVE_LABS', MORE_URLS, `fewer part URLs than the ${total} parts`);
    }
    const asset = session.asset_id ? await readAsset(getAsset, session.asset_id) : null;
    return mapUploadTarget(session, parts as WirePresignedUrl[], asset);
  } catch (error) {
    throw withSession(error, session.upload_id, session.asset_id);
  }
}

async function presignedUrls(http: ProviderHttp, uploadId: string, start: number, count: number): Promise<WirePresignedUrl[]> {
  const reply = await http.request({
    method: 'POST',
    path: `/assets/multipart-uploads/${encodeURIComponent(uploadId)}/presigned-urls`,
    endpoint: MORE_URLS,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ start, count }),
    schema: wirePresignedUrls,
    // Only signs URLs for parts of an existing session (no state changes), so a retry is safe.
    idempotent: true,
  });
  return reply.upload_urls;
}

/** The docs say the reserved asset "becomes available … only after the upload is completed": absent is fine. */
async function readAsset(getAsset: (id: string) => Promise<TwelveLabsAsset>, id: string): Promise<TwelveLabsAsset | null> {
  try {
    return await getAsset(id);
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * POST /assets/multipart-uploads/{upload_id}: reports uploaded parts with their ETags as proof; the
 * provider finalizes the asset once every part is reported (it then processes like any upload).
 */
export async function reportUploadedParts(http: ProviderHttp, uploadId: string, parts: readonly UploadedPart[]): Promise<PartsReport> {
  if (uploadId.length === 0) throw badInput('uploadId must not be empty', { field: 'uploadId' });
  if (parts.length === 0) throw badInput('report at least one part', { field: 'parts' });
  const positive = (n: number) => Number.isInteger(n) && n >= 1;
  for (const p of parts) {
    if (!positive(p.partNumber)) throw badInput('partNumber must be a positive integer', { field: 'parts' });
    if (!positive(p.sizeBytes)) throw badInput('sizeBytes must be a positive integer', { field: 'parts' });
    if (p.etag.replaceAll('"', '').length === 0) throw badInput('etag must not be empty', { field: 'parts' });
  }
  const completed = parts.map((p) => ({
    chunk_index: p.partNumber,
    // S3 quotes its ETags; the proof is the bare value (the docs' example is unquoted).
    proof: p.etag.replaceAll('"', ''),
    proof_type: 'etag',
    chunk_size: p.sizeBytes,
  }));
  const reply = await http.request({
    method: 'POST',
    path: `/assets/multipart-uploads/${encodeURIComponent(uploadId)}`,
    endpoint: 'POST /assets/multipart-uploads/{upload_id}',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ completed_chunks: completed }),
    schema: wireReportedChunks,
  });
  return {
    assetId: reply.asset_id ?? null,
    processedParts: reply.processed_chunks ?? 0,
    duplicateParts: reply.duplicate_chunks ?? 0,
    totalCompleted: reply.total_completed ?? 0,
    fileUrl: reply.url ?? null,
  };
}
