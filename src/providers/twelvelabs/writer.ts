import { mapLimit } from '../concurrency.js';
import { badInput, unsupported } from '../../errors/domain.js';
import type { ClientOptions, ProviderHttp } from '../http/index.js';
import type { AssetUpdater, AssetWriter } from '../port.js';
import type { AssetUpdate, DeleteFailure, DeleteResult } from '../types.js';
import type { TwelveLabsAsset } from './types.js';
import { checkMetadata, uploadAsset } from './upload.js';
import { createUploadTarget, reportUploadedParts, uploadTargetCalls } from './uploadTarget.js';
import { wireEmpty } from './wire.js';

/** The one field Twelve Labs lets you change on an asset: its user_metadata. */
export const TWELVE_LABS_UPDATABLE_FIELDS = ['metadata'] as const;

type GetAsset = (id: string) => Promise<TwelveLabsAsset>;

/**
 * DELETE /assets/{id}?force=…, one call per id (the API has no multi-delete), at most `concurrency` at
 * once. A 409 (an index still uses the asset) is REJECTED; an unknown id (400 resource_not_exist) is
 * NOT_FOUND. Nothing here throws for one id: each failure is reported with its error.
 */
export async function deleteAssets(http: ProviderHttp, concurrency: number, ids: readonly string[], force: boolean): Promise<DeleteResult> {
  const unique = [...new Set(ids)];
  const outcomes = await mapLimit(unique, concurrency, async (id): Promise<DeleteFailure | string> => {
    if (id.length === 0) return { id, error: badInput('A Twelve Labs asset id must not be empty', { field: 'ids' }) };
    try {
      await http.request({
        method: 'DELETE',
        path: `/assets/${encodeURIComponent(id)}`,
        endpoint: 'DELETE /assets/{id}',
        query: { force },
        schema: wireEmpty,
      });
      return id;
    } catch (error) {
      return { id, error: error instanceof Error ? error : new Error(String(error)) };
    }
  });
  return {
    deleted: outcomes.filter((o): o is string => typeof o === 'string'),
    failed: outcomes.filter((o): o is DeleteFailure => typeof o !== 'string'),
  };
}

/**
 * Replaces user_metadata with PUT (keys left out are removed; the provider ignores "" values) and
 * clears it with DELETE when `{}` is given, then reads the asset back. Other fields are not Twelve Labs'.
 */
async function updateMetadata(http: ProviderHttp, getAsset: GetAsset, id: string, update: AssetUpdate) {
  if (id.length === 0) throw badInput('A Twelve Labs asset id must not be empty', { field: 'id' });
  for (const [field, value] of Object.entries(update)) {
    if (value !== undefined && field !== 'metadata') throw unsupported('TWELVE_LABS', `updating ${field}`);
  }
  if (update.metadata !== undefined) {
    const metadata = checkMetadata(update.metadata);
    const path = `/assets/${encodeURIComponent(id)}/user-metadata`;
    if (Object.keys(metadata).length === 0) {
      await http.request({ method: 'DELETE', path, endpoint: 'DELETE /assets/{id}/user-metadata', schema: wireEmpty });
    } else {
      const body = JSON.stringify({ user_metadata: metadata });
      const headers = { 'content-type': 'application/json' };
      const endpoint = 'PUT /assets/{id}/user-metadata';
      await http.request({ method: 'PUT', path, endpoint, headers, body, schema: wireEmpty });
    }
  }
  return getAsset(id);
}

export function createTwelveLabsWriter(
  http: ProviderHttp,
  options: ClientOptions,
  getAsset: GetAsset,
): { writer: AssetWriter<TwelveLabsAsset>; updater: AssetUpdater<TwelveLabsAsset> } {
  const concurrency = options.upstream.concurrency;
  return {
    writer: {
      maxDeleteBatch: 1,
      upload: (input) => uploadAsset(http, input),
      createUploadTarget: (input) => createUploadTarget(http, concurrency, getAsset, input),
      uploadTargetCalls,
      reportUploadedParts: (uploadId, parts) => reportUploadedParts(http, uploadId, parts),
      deleteAssets: (ids, { force }) => deleteAssets(http, concurrency, ids, force),
    },
    updater: {
      updatableFields: TWELVE_LABS_UPDATABLE_FIELDS,
      updateAsset: (id, update) => updateMetadata(http, getAsset, id, update),
    },
  };
}
