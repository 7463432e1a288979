import { ASSET_TYPENAMES, encodeGlobalId } from './ids.js';
import type { AssetOf, ProviderName } from '../src/providers/types.js';
import { AssetRef } from './asset.js';
import { builder } from './builder.js';

/**
 * A concrete asset type: a Node whose global ID wraps the provider's id, implementing Asset. Loading by
 * ID goes through resolvers/query/node.ts, so no loader is declared here.
 */
export function assetNode<P extends ProviderName>(provider: P, description: string) {
  const typename = ASSET_TYPENAMES[provider];
  const ref = builder.objectRef<AssetOf<P>>(typename);
  // A plain object type with Node among its interfaces rather than builder.node: Pothos' node id
  // resolves through an async function, which made every answer holding an id wait a turn per id,
  // and a subscription event's execution never ready at once (use-shared-event-execution.ts).
  builder.objectType(ref, {
    description,
    interfaces: [AssetRef, builder.nodeInterfaceRef()],
    isTypeOf: (value) => (value as { provider?: unknown }).provider === provider,
    fields: (t) => ({ id: t.id({ resolve: (a) => encodeGlobalId(typename, a.providerId) }) }),
  });
  return ref;
}
