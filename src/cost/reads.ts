import { providerOfTypename, typenameOfGlobalId } from '../../schema/ids.js';
import { PROVIDER_MODULES, type ProviderName } from '../providers/index.js';
import type { CostEnv } from './rule.js';

/** Ids of one provider's assets a call reads: maxBatch with a multi-get (Uplynk 1,000, Twelve Labs 50), else 1. */
function perCall(env: CostEnv, provider: ProviderName): number {
  return env.batching ? env.providers.get(provider).assets.maxBatch : 1;
}

/**
 * Calls to read `count` distinct assets of one provider through the request's loaders: one per
 * maxBatch ids for a provider with a multi-get, one per id otherwise.
 * A disabled provider costs nothing: the read is refused with PROVIDER_NOT_CONFIGURED before any call.
 */
export function assetReadCalls(env: CostEnv, provider: ProviderName, count: number): number {
  if (count === 0 || !env.providers.has(provider)) return 0;
  return Math.ceil(count / perCall(env, provider));
}

/**
 * Calls to read these global IDs as `nodes` does: distinct ids grouped by provider, then batched.
 * Another Node type (a Video Jungle project) has no multi-get anywhere: one call per distinct id.
 * An id of no type of ours, or of a disabled provider, costs nothing (it is refused before any call).
 * Ids are told apart by their text, not decoded: two spellings of one id (padded and URL-safe) count
 * twice and an id that only looks like ours counts once, so the estimate stays an upper bound, at a
 * fraction of the cost of decoding (the resolvers decode them anyway).
 */
export function globalIdReadCalls(env: CostEnv, globalIds: readonly unknown[]): number {
  const assets = new Map<ProviderName, string[]>();
  const others = new Map<ProviderName, string[]>();
  for (const value of globalIds) {
    const globalId = String(value);
    const typename = typenameOfGlobalId(globalId);
    if (!typename) continue;
    const provider = providerOfTypename(typename);
    if (provider) (assets.get(provider) ?? assets.set(provider, []).get(provider)!).push(globalId);
    else {
      const owner = PROVIDER_MODULES.find((m) => m.nodeTypes.includes(typename))?.name;
      if (owner && env.providers.has(owner)) (others.get(owner) ?? others.set(owner, []).get(owner)!).push(globalId);
    }
  }
  let calls = 0;
  for (const ids of others.values()) calls += new Set(ids).size;
  for (const [provider, ids] of assets) {
    if (!env.providers.has(provider)) continue;
    // Ids that fit one call need one call, duplicates or not: only more need counting apart.
    calls += assetReadCalls(env, provider, ids.length > perCall(env, provider) ? new Set(ids).size : ids.length);
  }
  return calls;
}
