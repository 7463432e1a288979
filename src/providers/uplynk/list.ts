import { badInput } from '../../errors/domain.js';
import type { AssetListFilter, ListWindow, Page } from '../types.js';
import type { UplynkAsset } from './types.js';
import type { UplynkCall } from './call.js';
import { mapUplynkAsset } from './map.js';
import type { UplynkParams } from './sign.js';
import { uplynkListSchema, type UplynkWireAsset } from './wire.js';

/** `/asset/list` accepts a limit of 1–100. */
export const UPLYNK_PAGE_MAX = 100;
/** How deep a list with shared libraries may be paged: each of its pages reads from the start. */
export const UPLYNK_SHARED_DEPTH_MAX = 1000;

export interface ListCall {
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

/**
 * The message of one `/asset/list` call. `ignore_shared_libraries` is always sent, so which libraries
 * a page holds is this client's choice, never the server's default: `assets` and `shared_assets` come
 * back side by side, and reading only the first would silently hide shared content (providers.md §2.4).
 */
export function uplynkListParams(call: ListCall, filter: AssetListFilter): UplynkParams {
  const query = filter.search?.trim() || undefined;
  return {
    skip: call.skip,
    limit: call.ask,
    order: '-created',
    ignore_shared_libraries: filter.includeShared !== true,
    ...(query === undefined ? {} : { query }),
  };
}

/**
 * Your own library by default, paged exactly by skip/limit. With `includeShared`, the shared libraries'
 * assets are merged in, newest first.
 */
export async function listUplynkAssets(call: UplynkCall, window: ListWindow, filter: AssetListFilter): Promise<Page<UplynkAsset>> {
  if (!Number.isSafeInteger(window.offset) || window.offset < 0) {
    throw badInput('offset must be a non-negative integer');
  }
  if (!Number.isSafeInteger(window.limit) || window.limit < 1) throw badInput('limit must be a positive integer');
  // Every Uplynk asset is a video: any other media type matches nothing, without asking.
  if (filter.mediaType !== undefined && filter.mediaType !== 'VIDEO') {
    return { items: [], hasNextPage: false, totalCount: null };
  }
  return filter.includeShared ? listWithShared(call, window, filter) : listOwn(call, window, filter);
}

/** The calls listUplynkAssets makes for a window: none for a media type Uplynk cannot hold. */
export function uplynkListCalls(window: ListWindow, filter: AssetListFilter): number {
  if (filter.mediaType !== undefined && filter.mediaType !== 'VIDEO') return 0;
  // With shared libraries every page reads from the start (listWithShared).
  return planUplynkList(filter.includeShared ? { offset: 0, limit: window.offset + window.limit } : window).length;
}

const read = (call: UplynkCall, p: ListCall, filter: AssetListFilter) =>
  call({ action: 'list', params: uplynkListParams(p, filter), schema: uplynkListSchema, expect: ['assets'] });

async function listOwn(call: UplynkCall, window: ListWindow, filter: AssetListFilter): Promise<Page<UplynkAsset>> {
  const plan = planUplynkList(window);
  const replies = await Promise.all(plan.map((p) => read(call, p, filter)));
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

const newestFirst = (a: UplynkWireAsset, b: UplynkWireAsset) => (b.created ?? -Infinity) - (a.created ?? -Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Own and shared assets merged newest first, with one offset. How skip/limit apply to the two lists
 * together is undocumented [I]: each list paged by them alike, or one result split in two. Reading
 * both from skip 0 to the window's end is exact either way: the first N of the merge lie within the
 * first N of each list, and within the first N of a split result. So a page costs one call per 100
 * assets of depth, and the depth is capped; the order is deterministic, so pages never overlap.
 */
async function listWithShared(call: UplynkCall, window: ListWindow, filter: AssetListFilter): Promise<Page<UplynkAsset>> {
  const end = window.offset + window.limit;
  if (end > UPLYNK_SHARED_DEPTH_MAX) {
    throw badInput(`with shared libraries, Uplynk lists can be paged ${UPLYNK_SHARED_DEPTH_MAX} assets deep (each page reads from the start)`);
  }
  const plan = planUplynkList({ offset: 0, limit: end });
  const replies = await Promise.all(plan.map((p) => read(call, p, filter)));
  const byId = new Map<string, UplynkWireAsset>();
  for (const reply of replies) for (const asset of [...(reply.assets ?? []), ...(reply.shared_assets ?? [])]) byId.set(asset.id, asset);
  const last = plan[plan.length - 1]!;
  const known = last.skip + last.ask;
  const merged = [...byId.values()].sort(newestFirst).slice(0, known);
  const lastReply = replies[replies.length - 1];
  const lastCount = (lastReply?.assets?.length ?? 0) + (lastReply?.shared_assets?.length ?? 0);
  // As for one library: a peeked extra proves more; without a peek, a full last call only says "maybe".
  const hasNextPage = last.ask > last.take ? merged.length > end : lastCount >= last.take;
  return { items: merged.slice(window.offset, end).map(mapUplynkAsset), hasNextPage, totalCount: null };
}
