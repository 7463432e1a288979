import type { Context } from '../src/context.js';
import { badInput } from '../src/errors/domain.js';
import { decodeAssetId, decodeGlobalId, providerOfTypename } from '../schema/ids.js';
import type { Asset, ProviderName } from '../src/providers/types.js';

/** Every read of one asset or project by id goes through the request's loaders. */
export function loadAsset(ctx: Context, provider: ProviderName, providerId: string): Promise<Asset> {
  if (providerId.length === 0 || providerId.length > 512) {
    throw badInput('providerId must be 1–512 characters', { argument: 'providerId' });
  }
  ctx.providers.get(provider); // PROVIDER_NOT_CONFIGURED before anything is queued
  return ctx.loaders.asset(provider).load(providerId);
}

export function loadAssetByGlobalId(ctx: Context, globalId: string): Promise<Asset> {
  const { provider, id } = decodeAssetId(globalId);
  return loadAsset(ctx, provider, id);
}

/** Loads a Node of a type other than an asset, by the id inside its global ID. */
export type NodeLoader = (ctx: Context, id: string) => Promise<object>;

/** Loaders of the other Node types providers' GraphQL parts declare (Video Jungle's Project), by type name. */
const nodeLoaders = new Map<string, NodeLoader>();

export function registerNodeLoader(typename: string, load: NodeLoader): void {
  nodeLoaders.set(typename, load);
}

export function loadNode(ctx: Context, globalId: string): Promise<object> {
  const { typename, id } = decodeGlobalId(globalId);
  const provider = providerOfTypename(typename);
  if (provider) return loadAsset(ctx, provider, id);
  const load = nodeLoaders.get(typename);
  if (!load) throw badInput(`${typename} IDs cannot be read here`);
  return load(ctx, id);
}
