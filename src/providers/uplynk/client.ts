import type { ProviderConfigs } from '../../config.js';
import { badInput } from '../../errors.js';
import type { ClientOptions } from '../http.js';
import type {
  AssetListFilter,
  AssetUpdater,
  AssetWriter,
  Capability,
  ChangeFeedPage,
  ChangeFeedSource,
  ExternalIdSource,
  FrameSource,
  ListWindow,
  Page,
  ProviderClient,
  UplynkAsset,
} from '../types.js';
import { createUplynkCaller, type UplynkCall } from './call.js';
import { createUplynkFrames } from './frames.js';
import { mapUplynkAsset, mapUplynkChange } from './map.js';
import { createUplynkUpdater } from './update.js';
import { uplynkChangesSchema, uplynkGetSchema, uplynkListSchema, type UplynkWireAsset } from './wire.js';
import { createUplynkWriter } from './writer.js';

type UplynkConfig = NonNullable<ProviderConfigs['uplynk']>;

/** `/asset/get` answers at most 1000 assets per request. */
export const UPLYNK_MAX_BATCH = 1000;
/** `/asset/list` accepts a limit of 1–100. */
export const UPLYNK_PAGE_MAX = 100;

const CAPABILITIES: readonly Capability[] = [
  'ASSET_READ',
  'ASSET_LIST',
  'MULTI_GET',
  'EXTERNAL_IDS',
  'FRAMES',
  'THUMBNAILS',
  'CHANGE_FEED',
  'SEARCH',
  'DELETE',
  'UPDATE',
];

export type UplynkClient = ProviderClient<'UPLYNK'> & {
  externalIds: ExternalIdSource;
  frames: FrameSource;
  changes: ChangeFeedSource;
  writer: AssetWriter<'UPLYNK'>;
  updater: AssetUpdater<'UPLYNK'>;
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
      sandbox: options.sandbox,
      capabilities: CAPABILITIES,
      maxBatch: UPLYNK_MAX_BATCH,
      getAssets: (ids) => getMany(call, 'ids', ids),
      listAssets: (window, filter) => listAssets(call, window, filter),
    },
    externalIds: {
      maxBatch: UPLYNK_MAX_BATCH,
      getAssetsByExternalId: (externalIds) => getMany(call, 'external_ids', externalIds),
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
    chunks.map((chunk) =>
      call({ action: 'get', params: { [key]: chunk }, schema: uplynkGetSchema, expect: ['assets', 'asset'] }),
    ),
  );
  const found: UplynkWireAsset[] = [];
  for (const reply of replies) {
    // The reply key for list requests is undocumented [I]: accept `assets` and `asset` alike.
    if (reply.assets) found.push(...reply.assets);
    if (reply.asset) found.push(reply.asset);
  }
  return found.map(mapUplynkAsset);
}

interface ListCall {
  skip: number;
  /** Assets this call contributes to the window. */
  take: number;
  /** The limit sent: one more than `take` on the last call when that stays within 1–100. */
  ask: number;
}

/** The calls covering a window, 100 at most each; the last one peeks one past the window if it can. */
export function planUplynkList(window: ListWindow): ListCall[] {
  const calls: ListCall[] = [];
  for (let done = 0; done < window.limit; done += UPLYNK_PAGE_MAX) {
    const take = Math.min(UPLYNK_PAGE_MAX, window.limit - done);
    calls.push({ skip: window.offset + done, take, ask: take });
  }
  const last = calls[calls.length - 1];
  if (last && last.take < UPLYNK_PAGE_MAX) last.ask = last.take + 1;
  return calls;
}

async function listAssets(call: UplynkCall, window: ListWindow, filter: AssetListFilter): Promise<Page<UplynkAsset>> {
  if (!Number.isSafeInteger(window.offset) || window.offset < 0) {
    throw badInput('offset must be a non-negative integer');
  }
  if (!Number.isSafeInteger(window.limit) || window.limit < 1) throw badInput('limit must be a positive integer');
  // Every Uplynk asset is a video: any other media type matches nothing, without asking.
  if (filter.mediaType !== undefined && filter.mediaType !== 'VIDEO') {
    return { items: [], hasNextPage: false, totalCount: null };
  }
  const query = filter.search?.trim() ? filter.search.trim() : undefined;
  const plan = planUplynkList(window);
  const replies = await Promise.all(
    plan.map((p) =>
      call({
        action: 'list',
        params: { skip: p.skip, limit: p.ask, order: '-created', ...(query === undefined ? {} : { query }) },
        schema: uplynkListSchema,
        expect: ['assets'],
      }),
    ),
  );
  const items: UplynkAsset[] = [];
  let hasNextPage = false;
  plan.forEach((p, i) => {
    const assets = replies[i]?.assets ?? [];
    items.push(...assets.slice(0, p.take).map(mapUplynkAsset));
    // No total in the reply: a peeked extra proves more; a full page of exactly 100 only says "maybe".
    if (i === plan.length - 1) hasNextPage = p.ask > p.take ? assets.length > p.take : assets.length >= p.take;
  });
  return { items, hasNextPage, totalCount: null };
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
