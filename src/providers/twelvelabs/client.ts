import type { TwelveLabsConfig } from './env.js';
import { badInput } from '../../errors/domain.js';
import { createHttp, type ClientOptions, type ProviderHttp } from '../http/index.js';
import type { AssetListFilter, ListWindow, MediaType, Page } from '../types.js';
import type { AssetUpdater, AssetWriter, ProviderClient } from '../port.js';
import type { TwelveLabsAsset } from './types.js';
import { mapLimit } from '../concurrency.js';
import { classifyTwelveLabsError, mapAsset } from './map.js';
import { wireAssetDetail, wireAssetList, type WireAssetList } from './wire.js';
import { createTwelveLabsWriter } from './writer.js';

/** `page_limit` is capped at 50 by the API; it is also the most ids one multi-get call asks for. */
export const TWELVE_LABS_PAGE_MAX = 50;
/** The widest window listAssets accepts (the schema caps `first` at 100). */
export const TWELVE_LABS_WINDOW_MAX = 100;

const ASSET_TYPES: Partial<Record<MediaType, string>> = { VIDEO: 'video', IMAGE: 'image', AUDIO: 'audio' };

export interface TwelveLabsClient extends ProviderClient<TwelveLabsAsset> {
  /** GET /assets/{id}: the documented poll target. An unknown id is a ProviderError of kind NOT_FOUND. */
  getAsset(id: string): Promise<TwelveLabsAsset>;
  writer: AssetWriter<TwelveLabsAsset>;
  updater: AssetUpdater<TwelveLabsAsset>;
}

/** Which pages of which size cover a window: one exact page when the window aligns, else pages of 50. */
export interface PagePlan {
  pageLimit: number;
  firstPage: number;
  lastPage: number;
  /** Items to drop from the first page to reach the window's offset. */
  skip: number;
}

export function planPages({ offset, limit }: ListWindow): PagePlan {
  if (limit <= TWELVE_LABS_PAGE_MAX && offset % limit === 0) {
    const page = offset / limit + 1;
    return { pageLimit: limit, firstPage: page, lastPage: page, skip: 0 };
  }
  const size = TWELVE_LABS_PAGE_MAX;
  const firstPage = Math.floor(offset / size) + 1;
  const lastPage = Math.floor((offset + limit - 1) / size) + 1;
  return { pageLimit: size, firstPage, lastPage, skip: offset - (firstPage - 1) * size };
}

/** The calls listAssets makes for a window: its pages, or none for a media type Twelve Labs cannot hold. */
export function twelveLabsListCalls(window: ListWindow, filter: AssetListFilter): number {
  if (filter.mediaType !== undefined && ASSET_TYPES[filter.mediaType] === undefined) return 0;
  const plan = planPages(window);
  return plan.lastPage - plan.firstPage + 1;
}

export function createTwelveLabsClient(config: TwelveLabsConfig, options: ClientOptions): TwelveLabsClient {
  const http = createHttp(
    {
      provider: 'TWELVE_LABS',
      baseUrl: config.baseUrl,
      headers: { 'x-api-key': config.apiKey },
      classify: classifyTwelveLabsError,
      // A 429 without Retry-After or X-Ratelimit-Reset: TL-JS's backoff base, 1 s (providers.md §3.5).
      rateLimitBackoffMs: 1000,
    },
    options,
  );
  const list = listCaller(http);

  async function getAsset(id: string): Promise<TwelveLabsAsset> {
    if (id.length === 0) throw badInput('A Twelve Labs asset id must not be empty');
    const wire = await http.request({
      method: 'GET',
      path: `/assets/${encodeURIComponent(id)}`,
      endpoint: 'GET /assets/{id}',
      schema: wireAssetDetail,
    });
    return mapAsset(wire);
  }

  const { writer, updater } = createTwelveLabsWriter(http, options, getAsset);

  return {
    assets: {
      name: 'TWELVE_LABS',
      maxBatch: TWELVE_LABS_PAGE_MAX,
      getAssets: (ids) => getAssets(list, options.upstream.concurrency, ids),
      listAssets: (window, filter) => listAssets(list, window, filter),
      listCalls: twelveLabsListCalls,
    },
    getAsset,
    writer,
    updater,
    close: () => http.close(),
  };
}

type ListCall = ReturnType<typeof listCaller>;

async function getAssets(list: ListCall, concurrency: number, ids: readonly string[]): Promise<TwelveLabsAsset[]> {
  // An empty id cannot exist and would reach the API as a bare `asset_ids=`.
  const unique = [...new Set(ids.filter((id) => id.length > 0))];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += TWELVE_LABS_PAGE_MAX) {
    chunks.push(unique.slice(i, i + TWELVE_LABS_PAGE_MAX));
  }
  const pages = await mapLimit(chunks, concurrency, (part) => list({ asset_ids: part, page_limit: TWELVE_LABS_PAGE_MAX }));
  const wanted = new Set(unique);
  // Matched by `_id`: the filter is the provider's, but nothing it adds beyond the ask is returned.
  return pages.flatMap((page) => page.data.filter((a) => wanted.has(a._id)).map(mapAsset));
}

async function listAssets(list: ListCall, window: ListWindow, filter: AssetListFilter): Promise<Page<TwelveLabsAsset>> {
  checkWindow(window);
  let assetTypes: string[] | undefined;
  if (filter.mediaType !== undefined) {
    const type = ASSET_TYPES[filter.mediaType];
    // asset_types knows only image|video|audio: no Twelve Labs asset can match TEXT or OTHER.
    if (type === undefined) return { items: [], hasNextPage: false, totalCount: 0 };
    assetTypes = [type];
  }
  const search = filter.search?.trim() || undefined;
  const plan = planPages(window);
  const query = { page_limit: plan.pageLimit, asset_types: assetTypes, filename: search };
  const first = await list({ ...query, page: plan.firstPage });
  const totalPage = first.page_info?.total_page ?? undefined;
  const lastPage = totalPage === undefined ? plan.lastPage : Math.min(plan.lastPage, totalPage);
  const rest: number[] = [];
  for (let page = plan.firstPage + 1; page <= lastPage; page++) rest.push(page);
  const more = await Promise.all(rest.map((page) => list({ ...query, page })));
  const all = [first, ...more].flatMap((p) => p.data);
  const fetchedThrough = rest.at(-1) ?? plan.firstPage;
  const beyondWindow = all.length > plan.skip + window.limit;
  const hasNextPage =
    totalPage === undefined ? beyondWindow || (more.at(-1) ?? first).data.length >= plan.pageLimit : beyondWindow || fetchedThrough < totalPage;
  return {
    items: all.slice(plan.skip, plan.skip + window.limit).map(mapAsset),
    hasNextPage,
    totalCount: first.page_info?.total_results ?? null,
  };
}

function listCaller(http: ProviderHttp) {
  return (query: {
    page?: number;
    page_limit: number;
    asset_ids?: string[];
    asset_types?: string[] | undefined;
    filename?: string | undefined;
  }): Promise<WireAssetList> => http.request({ method: 'GET', path: '/assets', endpoint: 'GET /assets', query, schema: wireAssetList });
}

/** The provider rejects page_limit outside 1–50 and page < 1; a window that would need those is ours to refuse. */
function checkWindow({ offset, limit }: ListWindow): void {
  if (!Number.isInteger(offset) || offset < 0) throw badInput(`offset must be a non-negative integer (got ${offset})`);
  if (!Number.isInteger(limit) || limit < 1 || limit > TWELVE_LABS_WINDOW_MAX) {
    throw badInput(`limit must be an integer from 1 to ${TWELVE_LABS_WINDOW_MAX} (got ${limit})`);
  }
}
