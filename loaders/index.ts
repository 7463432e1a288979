import DataLoader from 'dataloader';
import { assetNotFound } from '../src/errors/domain.js';
import type { ProviderRegistry } from '../src/providers/registry.js';
import type { Asset, AssetOf, ProviderName } from '../src/providers/types.js';
import { chunk, orderByKeys } from './by-key.js';
import { Limiter } from '../src/providers/concurrency.js';

export interface LoaderOptions {
  /** Calls in flight per provider for providers without a multi-get (default 8). */
  concurrency: number;
  /** false: one upstream call per key (for the bench's comparison only). */
  batching: boolean;
  /** The request's: once aborted, its loads stop waiting on shared calls (others' loads are unaffected). */
  signal?: AbortSignal | undefined;
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A batch function of a keyed loader: one result (or Error) per key, in key order. */
export type BatchLoad<V> = (keys: readonly string[]) => Promise<(V | Error)[]>;

/**
 * Through the provider's shared batcher (cross-request batching and coalescing; it splits keys into
 * the provider's batch size), with each key's own result or error. Providers without a multi-get
 * get one key per call at bounded concurrency. Unbatched (bench only): straight to the provider.
 */
function readAssets(providers: ProviderRegistry, provider: ProviderName, options: LoaderOptions, limiter: Limiter): BatchLoad<Asset> {
  const multi = providers.get(provider).assets.maxBatch > 1;
  const missing = (id: string) => assetNotFound(provider, id);
  return async (ids) => {
    if (!options.batching) {
      const direct = providers.direct(provider);
      const rows = await Promise.all(ids.map((id) => limiter.run(() => direct.getAssets([id]))));
      return orderByKeys(ids, rows.flat() as Asset[], (a) => a.providerId, missing);
    }
    const reads = providers.reads(provider);
    const { signal } = options;
    const results = multi ? await reads.getEach(ids, signal) : (await Promise.all(ids.map((id) => limiter.run(() => reads.getEach([id], signal))))).flat();
    return results.map((r, i) => (r === undefined ? missing(ids[i]!) : (r as Asset | Error)));
  };
}

/** Assets by a provider's second key, through its shared reads; what they find primes the id loader too. */
function readByExternalId(
  providers: ProviderRegistry,
  provider: ProviderName,
  options: LoaderOptions,
  prime: (assets: readonly Asset[]) => void,
): BatchLoad<Asset> {
  const source = providers.get(provider).externalIds;
  if (!source) throw new Error(`${provider} has no external ids`);
  const size = options.batching ? source.maxBatch : 1;
  return async (keys) => {
    const results: (Asset | undefined | Error)[] = (
      await Promise.all(chunk(keys, size).map((p) => providers.reads(provider).getEachByExternalId(p, options.signal)))
    ).flat();
    prime(results.filter((r): r is Asset => r !== undefined && !(r instanceof Error)));
    return results.map((r, i) => (r === undefined ? assetNotFound(provider, keys[i]!, 'asset with external id') : (r as Asset | Error)));
  };
}

/**
 * The request's loaders. Called once per request from the context and never shared across requests
 * or callers: the cache holds what this caller may see, for as long as this request lives. They ask a
 * provider what it can do (a multi-get and its batch size, a second key), never which provider it is.
 */
export function createLoaders(providers: ProviderRegistry, options: LoaderOptions) {
  const limiters = new Map<ProviderName, Limiter>();
  const limiter = (p: ProviderName) => limiters.get(p) ?? limiters.set(p, new Limiter(options.concurrency)).get(p)!;
  const assetLoaders = new Map<ProviderName, DataLoader<string, Asset>>();
  const externalIdLoaders = new Map<ProviderName, DataLoader<string, Asset>>();
  const keyedLoaders = new Map<string, DataLoader<string, unknown>>();

  /** The request's loader of one provider's assets by id (see readAssets). */
  const assetLoader = <P extends ProviderName>(provider: P) =>
    (assetLoaders.get(provider) ??
      assetLoaders
        .set(provider, new DataLoader(readAssets(providers, provider, options, limiter(provider)), { batch: options.batching, maxBatchSize: Infinity }))
        .get(provider)!) as unknown as DataLoader<string, AssetOf<P>>;

  /** Assets by the provider's second key (its ExternalIdSource), shared and batched like reads by id. */
  const byExternalId = <P extends ProviderName>(provider: P) =>
    (externalIdLoaders.get(provider) ??
      externalIdLoaders
        .set(provider, new DataLoader(readByExternalId(providers, provider, options, prime), { batch: options.batching }))
        .get(provider)!) as unknown as DataLoader<string, AssetOf<P>>;

  /**
   * A loader of a provider module's own (Video Jungle's projects): made once per request under `name`,
   * batching like the others, so a module needs no DataLoader of its own.
   */
  const keyed = <V>(name: string, batch: BatchLoad<V>) =>
    (keyedLoaders.get(name) ?? keyedLoaders.set(name, new DataLoader<string, unknown>(batch, { batch: options.batching })).get(name)!) as DataLoader<string, V>;

  /** Lists prime the loaders, so an asset already read is not fetched again in this request. */
  function prime(assets: readonly Asset[]): void {
    for (const asset of assets) {
      assetLoader(asset.provider).prime(asset.providerId, asset as never);
      // The asset came from its provider, so the provider is enabled here.
      const key = providers.get(asset.provider).externalIds?.externalIdOf(asset as never);
      if (key) byExternalId(asset.provider).prime(key, asset as never);
    }
  }

  /** After a write: forget what changed, so the payload shows the new state. */
  function forgetAsset(provider: ProviderName, id: string): void {
    assetLoaders.get(provider)?.clear(id);
    // And across requests: no read that starts now may join a call that started before the write answered.
    providers.forget(provider, id);
  }

  return {
    asset: assetLoader,
    byExternalId,
    keyed,
    /** Runs `task` within the provider's bounded concurrency (for providers without a multi-get). */
    limited: <T>(provider: ProviderName, task: () => Promise<T>) => limiter(provider).run(task),
    prime,
    forgetAsset,
  };
}
