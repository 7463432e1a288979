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

  /**
   * Through the provider's shared batcher (cross-request batching and coalescing; it splits keys into
   * the provider's batch size), with each key's own result or error. Providers without a multi-get
   * get one key per call at bounded concurrency. Unbatched (bench only): straight to the provider.
   */
  function assetLoader<P extends ProviderName>(provider: P): DataLoader<string, AssetOf<P>> {
    let loader = assetLoaders.get(provider);
    if (!loader) {
      const multi = providers.get(provider).assets.maxBatch > 1;
      const missing = (id: string) => assetNotFound(provider, id);
      loader = new DataLoader<string, Asset>(
        async (ids) => {
          if (!options.batching) {
            const direct = providers.direct(provider);
            const rows = await Promise.all(ids.map((id) => limiter(provider).run(() => direct.getAssets([id]))));
            return orderByKeys(ids, rows.flat() as Asset[], (a) => a.providerId, missing);
          }
          const reads = providers.reads(provider);
          const { signal } = options;
          const results = multi
            ? await reads.getEach(ids, signal)
            : (await Promise.all(ids.map((id) => limiter(provider).run(() => reads.getEach([id], signal))))).flat();
          return results.map((r, i) => (r === undefined ? missing(ids[i]!) : (r as Asset | Error)));
        },
        { batch: options.batching, maxBatchSize: Infinity },
      );
      assetLoaders.set(provider, loader);
    }
    return loader as unknown as DataLoader<string, AssetOf<P>>;
  }

  /** Assets by the provider's second key (its ExternalIdSource), shared and batched like reads by id. */
  function byExternalId<P extends ProviderName>(provider: P): DataLoader<string, AssetOf<P>> {
    let loader = externalIdLoaders.get(provider);
    if (!loader) {
      const source = providers.get(provider).externalIds;
      if (!source) throw new Error(`${provider} has no external ids`);
      const size = options.batching ? source.maxBatch : 1;
      loader = new DataLoader<string, Asset>(
        async (keys) => {
          const results: (Asset | undefined | Error)[] = (
            await Promise.all(chunk(keys, size).map((p) => providers.reads(provider).getEachByExternalId(p, options.signal)))
          ).flat();
          prime(results.filter((r): r is Asset => r !== undefined && !(r instanceof Error)));
          return results.map((r, i) => (r === undefined ? assetNotFound(provider, keys[i]!, 'asset with external id') : (r as Asset | Error)));
        },
        { batch: options.batching },
      );
      externalIdLoaders.set(provider, loader);
    }
    return loader as unknown as DataLoader<string, AssetOf<P>>;
  }

  /**
   * A loader of a provider module's own (Video Jungle's projects): made once per request under `name`,
   * batching like the others, so a module needs no DataLoader of its own.
   */
  function keyed<V>(name: string, batch: BatchLoad<V>): DataLoader<string, V> {
    let loader = keyedLoaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, unknown>(batch, { batch: options.batching });
      keyedLoaders.set(name, loader);
    }
    return loader as DataLoader<string, V>;
  }

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
