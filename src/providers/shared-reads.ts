import { InvalidInputError, ProviderError } from '../errors/domain.js';
import type { AssetProvider, ExternalIdSource } from './port.js';
import { SharedBatcher } from './shared-batcher.js';
import type { AssetBase, AssetListFilter, ListWindow, Page } from './types.js';

/**
 * A provider's reads, shared by every request of this server (one per provider and credential set,
 * made by the registry): asset reads batched and coalesced across requests, list pages coalesced.
 */
export interface SharedReads<A extends AssetBase> {
  /** The provider's AssetProvider with its reads going through the shared batchers. */
  readonly assets: AssetProvider<A>;
  /** Its second key, shared the same way (when it has one). */
  readonly externalIds: ExternalIdSource<A> | undefined;
  /** Each id's asset, undefined when the provider has none, or the Error of the call that carried it. */
  getEach(ids: readonly string[], signal?: AbortSignal): Promise<(A | undefined | Error)[]>;
  /** Each external id's asset, like getEach. */
  getEachByExternalId(keys: readonly string[], signal?: AbortSignal): Promise<(A | undefined | Error)[]>;
  /** After a write to `id` answered: no later read joins a call (by id, external id or list) that started before. */
  forget(id: string): void;
}

/**
 * A failure one key can cause (the provider refused the request, or its reply did not parse): worth
 * retrying in halves so it fails only that key, instead of every request's keys in the shared call.
 */
const oneKeyMayCause = (error: unknown) =>
  error instanceof InvalidInputError || (error instanceof ProviderError && (error.kind === 'REJECTED' || error.kind === 'BAD_RESPONSE'));

export function shareReads<A extends AssetBase>(
  source: AssetProvider<A>,
  externalIds: ExternalIdSource<A> | undefined,
  options: { maxInFlight: () => number },
): SharedReads<A> {
  const byId = new SharedBatcher<A>({
    maxBatch: source.maxBatch,
    maxInFlight: options.maxInFlight,
    splitOn: oneKeyMayCause,
    fetch: async (ids) => new Map((await source.getAssets(ids)).map((a) => [a.providerId, a])),
  });
  const byExternalId = externalIds && externalIdBatcher(externalIds, options);
  // A page is one key: the window and filter, as the caller gave them; the arguments sit beside it
  // only while load() runs.
  const listArgs = new Map<string, [ListWindow, AssetListFilter]>();
  const pages = new SharedBatcher<Page<A>>({
    maxBatch: 1,
    fetch: async ([key]) => {
      const [window, filter] = listArgs.get(key!)!;
      return new Map([[key!, await source.listAssets(window, filter)]]);
    },
  });

  const getEach = (ids: readonly string[], signal?: AbortSignal) => byId.loadEach(ids, signal);
  const getEachByExternalId = (keys: readonly string[], signal?: AbortSignal) =>
    byExternalId ? byExternalId.loadEach(keys, signal) : Promise.reject(new Error(`${source.name} has no external ids`));

  return {
    assets: {
      ...source,
      getAssets: async (ids) => found(await getEach([...new Set(ids)])),
      async listAssets(window, filter) {
        const key = JSON.stringify([window.offset, window.limit, filter.search, filter.mediaType, filter.includeShared]);
        // A page call goes out inside load() (maxBatch 1: nothing queues), so its fetch has read the
        // arguments by the time load() returns; a load that joined a call in flight never reads them.
        listArgs.set(key, [window, filter]);
        const page = pages.load(key);
        listArgs.delete(key);
        return (await page)!;
      },
    },
    externalIds: externalIds && {
      ...externalIds,
      getAssetsByExternalId: async (keys) => found(await getEachByExternalId([...new Set(keys)])),
    },
    getEach,
    getEachByExternalId,
    forget(id) {
      byId.invalidate(id);
      // Which external id or page holds the asset is not known here: none in flight may be joined.
      byExternalId?.invalidateAll();
      pages.invalidateAll();
    },
  };
}

/** The batcher of a provider's second key: its assets by external id. */
function externalIdBatcher<A extends AssetBase>(externalIds: ExternalIdSource<A>, options: { maxInFlight: () => number }): SharedBatcher<A> {
  return new SharedBatcher<A>({
    maxBatch: externalIds.maxBatch,
    maxInFlight: options.maxInFlight,
    splitOn: oneKeyMayCause,
    fetch: async (keys) => {
      const found = await externalIds.getAssetsByExternalId(keys);
      return new Map(found.flatMap((a) => (externalIds.externalIdOf(a) ? [[externalIds.externalIdOf(a)!, a] as const] : [])));
    },
  });
}

/** The AssetProvider contract over per-key results: the assets found, or the first error. */
function found<A>(results: readonly (A | undefined | Error)[]): A[] {
  const error = results.find((r) => r instanceof Error);
  if (error) throw error;
  return results.filter((r): r is A => r !== undefined);
}
