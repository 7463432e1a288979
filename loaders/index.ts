import DataLoader from 'dataloader';
import { assetNotFound } from '../src/errors/domain.js';
import type { ProviderRegistry } from '../src/providers/registry.js';
import type { Asset, AssetOf, Project, ProviderName, UplynkAsset, VideoJungleAsset } from '../src/providers/types.js';
import { chunk, orderByKeys } from './by-key.js';
import { Limiter } from '../src/concurrency.js';

export interface LoaderOptions {
  /** Calls in flight per provider for providers without a multi-get (default 8). */
  concurrency: number;
  /** false: one upstream call per key (for the bench's comparison only). */
  batching: boolean;
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * The request's loaders. Called once per request from the context and never shared across requests
 * or callers: the cache holds what this caller may see, for as long as this request lives.
 */
export function createLoaders(providers: ProviderRegistry, options: LoaderOptions) {
  const limiters = new Map<ProviderName, Limiter>();
  const limiter = (p: ProviderName) => limiters.get(p) ?? limiters.set(p, new Limiter(options.concurrency)).get(p)!;
  const assetLoaders = new Map<ProviderName, DataLoader<string, Asset>>();

  /** Multi-get providers: one call per maxBatch keys. Others: one call per key, bounded concurrency. */
  function assetLoader<P extends ProviderName>(provider: P): DataLoader<string, AssetOf<P>> {
    let loader = assetLoaders.get(provider);
    if (!loader) {
      const source = providers.get(provider).assets;
      const perCall = options.batching ? source.maxBatch : 1;
      loader = new DataLoader<string, Asset>(
        async (ids) => {
          const calls = chunk(ids, perCall).map((part) =>
            perCall === 1 ? limiter(provider).run(() => source.getAssets(part)) : source.getAssets(part),
          );
          const rows = (await Promise.all(calls)).flat();
          return orderByKeys(ids, rows, (a) => a.providerId, (id) => assetNotFound(provider, id));
        },
        { batch: options.batching, maxBatchSize: Infinity },
      );
      assetLoaders.set(provider, loader);
    }
    return loader as unknown as DataLoader<string, AssetOf<P>>;
  }

  const uplynkByExternalId = once(() => new DataLoader<string, UplynkAsset>(
    async (externalIds) => {
      const source = providers.get('UPLYNK').externalIds!;
      const size = options.batching ? source.maxBatch : 1;
      const rows = (await Promise.all(chunk(externalIds, size).map((p) => source.getAssetsByExternalId(p)))).flat();
      prime(rows);
      return orderByKeys(externalIds, rows, (a) => a.externalId ?? '', (id) =>
        assetNotFound('UPLYNK', id, 'asset with external id'),
      );
    },
    { batch: options.batching },
  ));

  // Video Jungle has no multi-get for projects either: one call per distinct id, bounded.
  const project = once(() => new DataLoader<string, Project>(
    async (ids) => {
      const source = providers.get('VIDEO_JUNGLE').projects!;
      return Promise.all(
        ids.map((id) =>
          limiter('VIDEO_JUNGLE')
            .run(() => source.getProject(id))
            .then((p) => (p.assets && prime(p.assets), p))
            .catch((error: unknown) => error as Error),
        ),
      );
    },
    { batch: options.batching },
  ));

  const projectAssets = once(() => new DataLoader<string, VideoJungleAsset[]>(
    async (projectIds) => {
      const source = providers.get('VIDEO_JUNGLE').projects!;
      return Promise.all(
        projectIds.map((id) =>
          limiter('VIDEO_JUNGLE')
            .run(() => source.listProjectAssets(id))
            .then((assets) => (prime(assets), assets))
            .catch((error: unknown) => error as Error),
        ),
      );
    },
    { batch: options.batching },
  ));

  /** Lists prime the loaders, so an asset already read is not fetched again in this request. */
  function prime(assets: readonly Asset[]): void {
    for (const asset of assets) {
      assetLoader(asset.provider).prime(asset.providerId, asset as never);
      if (asset.provider === 'UPLYNK' && asset.externalId) uplynkByExternalId().prime(asset.externalId, asset);
    }
  }

  /** After a write: forget what changed, so the payload shows the new state. */
  function forgetAsset(provider: ProviderName, id: string): void {
    assetLoaders.get(provider)?.clear(id);
  }

  function primeProjects(list: readonly Project[]): void {
    for (const p of list) {
      project().prime(p.id, p);
      if (p.assets) prime(p.assets);
    }
  }

  return {
    asset: assetLoader,
    get uplynkByExternalId() {
      return uplynkByExternalId();
    },
    get project() {
      return project();
    },
    get projectAssets() {
      return projectAssets();
    },
    prime,
    primeProjects,
    forgetAsset,
  };
}

/**
 * Built on first use: a context is made for every request and most touch one loader or none, so
 * eager DataLoaders were garbage on the hot path (npm run bench's profile).
 */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
