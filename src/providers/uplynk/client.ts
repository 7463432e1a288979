import type { UplynkConfig } from './env.js';
import { badInput } from '../../errors/domain.js';
import type { ClientOptions } from '../http/index.js';
import type { AssetUpdater, AssetWriter, ChangeFeedSource, ExternalIdSource, FrameSource, ProviderClient } from '../port.js';
import type { ChangeFeedPage } from '../types.js';
import type { UplynkAsset } from './types.js';
import { createUplynkCaller, type UplynkCall } from './call.js';
import { createUplynkFrames } from './frames.js';
import { listUplynkAssets, uplynkListCalls } from './list.js';
import { mapUplynkAsset, mapUplynkChange } from './map.js';
import { createUplynkUpdater } from './update.js';
import { uplynkChangesSchema, uplynkGetSchema, type UplynkWireAsset } from './wire.js';
import { createUplynkWriter } from './writer.js';

/** `/asset/get` answers at most 1000 assets per request. */
export const UPLYNK_MAX_BATCH = 1000;

export type UplynkClient = ProviderClient<UplynkAsset> & {
  externalIds: ExternalIdSource<UplynkAsset>;
  frames: FrameSource;
  changes: ChangeFeedSource;
  writer: AssetWriter<UplynkAsset>;
  updater: AssetUpdater<UplynkAsset>;
};

/**
 * Uplynk Integration API v2: signed POSTs to /api2/asset/<action>, multi-get by id or external id,
 * updates and batched deletes (no uploads: ingest happens outside this API).
 */
export function createUplynkClient(config: UplynkConfig, options: ClientOptions): UplynkClient {
  const { call, close } = createUplynkCaller(config, options);
  return {
    assets: {
      name: 'UPLYNK',
      maxBatch: UPLYNK_MAX_BATCH,
      getAssets: (ids) => getMany(call, 'ids', ids),
      listAssets: (window, filter) => listUplynkAssets(call, window, filter),
      listCalls: uplynkListCalls,
    },
    externalIds: {
      maxBatch: UPLYNK_MAX_BATCH,
      getAssetsByExternalId: (externalIds) => getMany(call, 'external_ids', externalIds),
      externalIdOf: (asset) => asset.externalId,
    },
    frames: createUplynkFrames(call),
    changes: { changesSince: (since) => changesSince(call, since) },
    writer: createUplynkWriter(call, options.upstream.concurrency),
    updater: createUplynkUpdater(call),
    close,
  };
}

/**
 * One `/asset/get` per 1000 distinct keys. A single key goes as a one-element list too: one code path,
 * and an unknown key is simply absent instead of the single-id error envelope.
 */
async function getMany(call: UplynkCall, key: 'ids' | 'external_ids', keys: readonly string[]): Promise<UplynkAsset[]> {
  const distinct = [...new Set(keys)];
  const chunks: string[][] = [];
  for (let i = 0; i < distinct.length; i += UPLYNK_MAX_BATCH) chunks.push(distinct.slice(i, i + UPLYNK_MAX_BATCH));
  const replies = await Promise.all(
    chunks.map((chunk) => call({ action: 'get', params: { [key]: chunk }, schema: uplynkGetSchema, expect: ['assets', 'asset'] })),
  );
  const found: UplynkWireAsset[] = [];
  for (const reply of replies) {
    // The reply key for list requests is undocumented [I]: accept `assets` and `asset` alike.
    if (reply.assets) found.push(...reply.assets);
    if (reply.asset) found.push(reply.asset);
  }
  return found.map(mapUplynkAsset);
}

/**
 * Changes from `since` on. `next` is the reply's `end`: Uplynk's range is inclusive, so the change at
 * the boundary is reported again by the next call; callers that must not see it twice dedupe on
 * (providerId, action, at).
 */
async function changesSince(call: UplynkCall, since: Date): Promise<ChangeFeedPage> {
  const start = since.getTime();
  if (!Number.isFinite(start) || start < 0) throw badInput('since must be a valid date');
  const reply = await call({ action: 'changes', params: { start }, schema: uplynkChangesSchema, expect: ['changes'] });
  const assets = reply.assets ?? {};
  return {
    changes: (reply.changes ?? []).map((change) => mapUplynkChange(change, assets)),
    start: new Date(reply.start ?? start),
    next: new Date(reply.end ?? start),
  };
}
