import type { RunwayConfig } from './env.js';
import { badInput, ProviderError, unsupported } from '../../errors/domain.js';
import { createHttp, type ClientOptions, type ProviderHttp } from '../http/index.js';
import type { AssetListFilter, ListWindow, Page } from '../types.js';
import type { ProviderClient } from '../port.js';
import type { RunwayAsset } from './types.js';
import { classifyRunwayError, mapRunwayAsset } from './map.js';
import { RUNWAY_ASSET_ID, runwayAssetListSchema, runwayAssetSchema, type RunwayWireAsset } from './wire.js';
import { runwayAssetPath } from './paths.js';
import { createRunwayWriter } from './writer.js';
import { mapLimit } from '../concurrency.js';

/** useapi.net's own bounds on GET /assets/: limit 1–50, offset 0–1000. */
export const RUNWAY_PAGE_MAX = 50;
export const RUNWAY_OFFSET_MAX = 1000;

const MEDIA_TYPE_PARAM = { VIDEO: 'video', IMAGE: 'image', AUDIO: 'audio' } as const;

/**
 * Runway through useapi.net: read by composite assetId (no multi-get), list by offset/limit; write by
 * raw-body upload and one DELETE per id (no upload target: useapi has no presigned upload).
 */
/** Runway's client: reads, uploads and deletes; its assets have no status to watch. */
export type RunwayClient = ProviderClient<RunwayAsset>;

export function createRunwayClient(config: RunwayConfig, options: ClientOptions): RunwayClient {
  const http = createHttp(
    {
      provider: 'RUNWAY',
      baseUrl: config.baseUrl,
      // UA-DOCS list Content-Type application/json for GET and DELETE too (providers.md §4.1); an
      // upload's own file type replaces it.
      headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' },
      classify: classifyRunwayError,
      // useapi documents no Retry-After; its official script waits a fixed 10 s after a 429 (providers.md §4.4).
      rateLimitBackoffMs: 10_000,
    },
    options,
  );
  const concurrency = Math.max(1, options.upstream.concurrency);
  return {
    assets: {
      name: 'RUNWAY',
      // A Runway asset exists only once it is finished (providers.md §4): READY, never polled.
      statusless: true,
      maxBatch: 1,
      async getAssets(ids) {
        const bad = ids.find((id) => !RUNWAY_ASSET_ID.test(id));
        if (bad !== undefined) {
          throw badInput(`${JSON.stringify(bad)} is not a Runway asset id (user:<id>-runwayml:<email>-asset:<uuid>)`);
        }
        const found = await mapLimit(ids, concurrency, (id) => getAsset(http, id));
        return found.filter((asset): asset is RunwayAsset => asset !== null);
      },
      listAssets: (window, filter) => listAssets(http, config, window, filter),
      listCalls: runwayListCalls,
    },
    writer: createRunwayWriter(http, config, concurrency),
    close: () => http.close(),
  };
}

/** One asset, or null when useapi answers 404 (missing keys are the loaders' business, not an error). */
async function getAsset(http: ProviderHttp, id: string): Promise<RunwayAsset | null> {
  try {
    const wire = await http.request({
      method: 'GET',
      path: runwayAssetPath(id),
      endpoint: 'GET /assets/{assetId}',
      schema: runwayAssetSchema,
    });
    return mapRunwayAsset(wire, id);
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'NOT_FOUND') return null;
    throw error;
  }
}

async function listAssets(http: ProviderHttp, config: RunwayConfig, window: ListWindow, filter: AssetListFilter): Promise<Page<RunwayAsset>> {
  // Filtering one page client-side would break offset paging, so search is refused outright.
  if (filter.search) throw unsupported('RUNWAY', 'searching assets');
  checkWindow(window);
  const mediaType = filter.mediaType;
  // useapi only knows video/image/audio: a TEXT or OTHER filter can match nothing.
  if (mediaType === 'TEXT' || mediaType === 'OTHER') return { items: [], hasNextPage: false, totalCount: null };
  const calls = planRunwayCalls(window);
  const replies = await Promise.all(
    calls.map((call) =>
      http.request({
        method: 'GET',
        path: '/assets/',
        endpoint: 'GET /assets/',
        query: {
          offset: call.offset,
          limit: call.ask,
          mediaType: mediaType ? MEDIA_TYPE_PARAM[mediaType] : undefined,
          email: config.email || undefined,
        },
        schema: runwayAssetListSchema,
      }),
    ),
  );
  const { items, hasNextPage } = assembleRunwayPage(calls, replies);
  const assets = items.map((wire) => mapRunwayAsset(wire)).filter((a): a is RunwayAsset => a !== null);
  // No total in useapi's reply: it is a bare array.
  return { items: assets, hasNextPage, totalCount: null };
}

/** The calls listAssets makes: none when it refuses (search) or nothing can match (TEXT, OTHER). */
export function runwayListCalls(window: ListWindow, filter: AssetListFilter): number {
  if (filter.search || filter.mediaType === 'TEXT' || filter.mediaType === 'OTHER') return 0;
  return planRunwayCalls(window).length;
}

function checkWindow(window: ListWindow): void {
  if (!Number.isInteger(window.offset) || window.offset < 0) throw badInput('offset must be a non-negative integer');
  if (!Number.isInteger(window.limit) || window.limit < 1) throw badInput('limit must be a positive integer');
  // useapi.net rejects offset > 1000 on GET /assets/; say so here rather than spend a call on a 400.
  if (window.offset > RUNWAY_OFFSET_MAX) {
    throw badInput(`Runway lists can only be paged up to offset ${RUNWAY_OFFSET_MAX}`);
  }
}

/** One upstream page: `size` items belong to the window, `ask` may be one more to learn if more exist. */
export interface RunwayCall {
  offset: number;
  size: number;
  ask: number;
}

/**
 * Splits a window into calls of at most 50. The last asks for one extra item when that still fits in
 * 50; otherwise a full last page means "maybe more". Calls past offset 1000 are not made (useapi
 * refuses them), so a window reaching beyond it comes back short, with hasNextPage from the last page.
 */
export function planRunwayCalls(window: ListWindow): RunwayCall[] {
  const end = window.offset + window.limit;
  const calls: RunwayCall[] = [];
  for (let offset = window.offset; offset < end && offset <= RUNWAY_OFFSET_MAX; offset += RUNWAY_PAGE_MAX) {
    const size = Math.min(RUNWAY_PAGE_MAX, end - offset);
    calls.push({ offset, size, ask: size });
  }
  const last = calls.at(-1);
  if (last) last.ask = Math.min(RUNWAY_PAGE_MAX, last.size + 1);
  return calls;
}

/** Joins the replies of planRunwayCalls; a reply shorter than its share ends the list there. */
export function assembleRunwayPage(calls: readonly RunwayCall[], replies: readonly RunwayWireAsset[][]): { items: RunwayWireAsset[]; hasNextPage: boolean } {
  const items: RunwayWireAsset[] = [];
  for (const [i, call] of calls.entries()) {
    const reply = replies[i] ?? [];
    items.push(...reply.slice(0, call.size));
    if (reply.length < call.size) return { items, hasNextPage: false };
    // The last call: the extra item answers the question, or a full page of 50 means "maybe more".
    if (i === calls.length - 1) return { items, hasNextPage: call.ask > call.size ? reply.length > call.size : true };
  }
  return { items, hasNextPage: false };
}
