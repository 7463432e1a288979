import { ASSET_TYPENAMES } from './ids.js';
import type { AssetOf, ProviderName } from '../src/providers/types.js';
import { AssetRef } from './asset.js';
import { builder } from './builder.js';

/**
 * A concrete asset type: a Node whose global ID wraps the provider's id, implementing Asset. Loading by
 * ID goes through resolvers/query/node.ts, so no loader is declared here.
 */
export function assetNode<P extends ProviderName>(provider: P, description: string) {
  const ref = builder.objectRef<AssetOf<P>>(ASSET_TYPENAMES[provider]);
  builder.node(ref, {
    description,
    interfaces: [AssetRef],
    id: { resolve: (a) => a.providerId },
    isTypeOf: (value) => (value as { provider?: unknown }).provider === provider,
    fields: () => ({}),
  });
  return ref;
}
