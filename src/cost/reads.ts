import { decodeGlobalId, providerOfTypename } from '../../schema/ids.js';
import { PROVIDER_MODULES, type ProviderName } from '../providers/index.js';
import type { CostEnv } from './rule.js';

/**
 * Calls to read `count` distinct assets of one provider through the request's loaders: one per
 * maxBatch ids for a provider with a multi-get (Uplynk 1,000, Twelve Labs 50), one per id otherwise.
 * A disabled provider costs nothing: the read is refused with PROVIDER_NOT_CONFIGURED before any call.
 */
export function assetReadCalls(env: CostEnv, provider: ProviderName, count: number): number {
  if (count === 0 || !env.providers.has(provider)) return 0;
  const perCall = env.batching ? env.providers.get(provider).assets.maxBatch : 1;
  return Math.ceil(count / perCall);
}

/**
 * Calls to read these global IDs as `nodes` does: distinct ids grouped by provider, then batched.
 * Another Node type (a Video Jungle project) has no multi-get anywhere: one call per distinct id.
 * An id that does not decode, or of a disabled provider, costs nothing (it is refused before any call).
 */
export function globalIdReadCalls(env: CostEnv, globalIds: readonly unknown[]): number {
  const assets = new Map<ProviderName, Set<string>>();
  const others = new Map<ProviderName, Set<string>>();
  for (const globalId of new Set(globalIds.map(String))) {
    let decoded: { typename: string; id: string };
    try {
      decoded = decodeGlobalId(globalId);
    } catch {
      continue;
    }
    const provider = providerOfTypename(decoded.typename);
    if (provider) (assets.get(provider) ?? assets.set(provider, new Set()).get(provider)!).add(decoded.id);
    else {
      const owner = PROVIDER_MODULES.find((m) => m.nodeTypes.includes(decoded.typename))?.name;
      if (owner && env.providers.has(owner)) (others.get(owner) ?? others.set(owner, new Set()).get(owner)!).add(globalId);
    }
  }
  let calls = 0;
  for (const ids of others.values()) calls += ids.size;
  for (const [provider, ids] of assets) calls += assetReadCalls(env, provider, ids.size);
  return calls;
}
