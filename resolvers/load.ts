import type { Context } from '../src/context.js';
import { badInput } from '../src/errors/domain.js';
import { decodeAssetId, decodeGlobalId, providerOfTypename } from '../src/ids.js';
import type { Asset, Project, ProviderName } from '../src/providers/types.js';

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

export function loadNode(ctx: Context, globalId: string): Promise<Asset | Project> {
  const { typename, id } = decodeGlobalId(globalId);
  if (typename === 'Project') {
    ctx.providers.get('VIDEO_JUNGLE');
    return ctx.loaders.project.load(id);
  }
  return loadAsset(ctx, providerOfTypename(typename)!, id);
}
