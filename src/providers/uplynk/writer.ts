import type { UplynkAsset } from './types.js';
import { mapLimit } from '../concurrency.js';
import { badInput, ProviderError } from '../../errors/domain.js';
import type { AssetWriter } from '../port.js';
import type { DeleteFailure, DeleteResult } from '../types.js';
import type { UplynkCall } from './call.js';
import { uplynkDeleteSchema } from './wire.js';

/** Ids per `/asset/delete` call (the most `/asset/get` takes too; the sandbox refuses more). */
export const UPLYNK_MAX_DELETE_BATCH = 1000;
const ENDPOINT = 'POST /api2/asset/delete';

/**
 * Deletes only: Uplynk ingest (Cloud Slicer, the CMS) happens outside this API, so there is no
 * `upload` or `createUploadTarget`.
 */
export function createUplynkWriter(call: UplynkCall, concurrency: number): AssetWriter<UplynkAsset> {
  return {
    maxDeleteBatch: UPLYNK_MAX_DELETE_BATCH,
    // `force` has no meaning here: Uplynk never refuses a delete because something still uses the
    // asset, so there is nothing to override.
    deleteAssets: (ids) => deleteAssets(call, concurrency, ids),
  };
}

/**
 * One `/asset/delete` per 1000 distinct ids, `concurrency` at a time. Never throws: an id missing from
 * the reply's `deleted` is NOT_FOUND; every id of a call that failed as a whole shares that call's
 * error (the same instance, so a caller can tell an outage from per-id failures).
 */
async function deleteAssets(call: UplynkCall, concurrency: number, ids: readonly string[]): Promise<DeleteResult> {
  const failed: DeleteFailure[] = [];
  const send: string[] = [];
  for (const id of new Set(ids)) {
    if (id.trim() === '') failed.push({ id, error: badInput('an asset id must not be empty', { field: ['ids'] }) });
    else send.push(id);
  }
  const chunks: string[][] = [];
  for (let i = 0; i < send.length; i += UPLYNK_MAX_DELETE_BATCH) {
    chunks.push(send.slice(i, i + UPLYNK_MAX_DELETE_BATCH));
  }
  const results = await mapLimit(chunks, concurrency, (chunk) => deleteChunk(call, chunk));
  const deleted: string[] = [];
  for (const result of results) {
    deleted.push(...result.deleted);
    failed.push(...result.failed);
  }
  return { deleted, failed };
}

async function deleteChunk(call: UplynkCall, ids: string[]): Promise<DeleteResult> {
  let gone: Set<string>;
  try {
    const reply = await call({
      action: 'delete',
      params: { ids },
      schema: uplynkDeleteSchema,
      expect: ['deleted'],
      idempotent: false,
    });
    if (!reply.deleted) {
      throw new ProviderError('BAD_RESPONSE', 'UPLYNK', ENDPOINT, 'reply has no "deleted"', { status: 200 });
    }
    gone = new Set(reply.deleted.map((entry) => entry.id));
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { deleted: [], failed: ids.map((id) => ({ id, error: failure })) };
  }
  const result: DeleteResult = { deleted: [], failed: [] };
  for (const id of ids) {
    if (gone.has(id)) result.deleted.push(id);
    else result.failed.push({ id, error: notDeleted(id) });
  }
  return result;
}

// Uplynk leaves unknown (or already deleted) ids out of `deleted` without saying why.
function notDeleted(id: string): ProviderError {
  const detail = `asset ${JSON.stringify(id)} was not deleted: no such asset, or it was already deleted`;
  return new ProviderError('NOT_FOUND', 'UPLYNK', ENDPOINT, detail, { status: 200 });
}
