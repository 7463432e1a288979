import type { GraphQLSchema } from 'graphql';
import { costs, type CostRule } from '../src/cost/rule.js';
import { globalIdReadCalls } from '../src/cost/reads.js';
import { loadNode } from './load.js';
import type { Context } from '../src/context.js';
import { badInput } from '../src/errors/domain.js';
import { decodeGlobalId, isAssetTypename } from '../schema/ids.js';
import { AssetRef } from '../schema/asset.js';
import { builder } from '../schema/builder.js';

/**
 * Federation entities, all keyed by the global ID: the Asset interface (so another subgraph can hold
 * an `Asset @interfaceObject` reference without knowing the provider), each provider's asset type,
 * and the other node types a provider's GraphQL part declares (Video Jungle's Project). References
 * resolve through the request's DataLoaders, so a gateway's batch of 2,500 Uplynk references costs
 * what `nodes` costs: 3 upstream calls.
 */
const key = builder.selection<{ id: string }>('id');

/**
 * Loads a reference, refusing an ID of another type than the one the gateway named. Async on purpose:
 * @apollo/subgraph maps representations to one promise each, so a rejection nulls only its entry, where
 * a synchronous throw would fail the whole `_entities` list.
 */
function resolveAs(expected: string) {
  return async (ref: { id: string }, ctx: Context) => {
    const { typename } = decodeGlobalId(ref.id);
    if (expected !== typename && !(expected === 'Asset' && isAssetTypename(typename))) {
      throw badInput(`Entity ${expected} cannot be resolved from a ${typename} ID`);
    }
    return loadNode(ctx, ref.id) as never;
  };
}

/** Makes `ref` (an object type named `typename`) an entity keyed by its global ID. */
export function entityOf(ref: object, typename: string): void {
  builder.asEntity(ref as typeof AssetRef, { key, resolveReference: resolveAs(typename) });
}

/** The Asset interface and every provider's asset type, once the providers' parts have given them. */
export function registerAssetEntities(assetTypes: readonly { ref: object; typename: string }[]): void {
  entityOf(AssetRef, 'Asset');
  for (const { ref, typename } of assetTypes) entityOf(ref, typename);
}

/**
 * `_entities` is declared by the federation plugin, not here: its price is attached to the built
 * schema. A gateway's representations are read like `nodes` reads its ids (batched per provider).
 */
export function priceEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()['_entities'];
  if (field) {
    const rule: CostRule = ({ representations }, env) => {
      const ids = (Array.isArray(representations) ? representations : []).map((r: { id?: unknown }) => r?.id);
      return { calls: globalIdReadCalls(env, ids), fanOut: ids.length };
    };
    // graphql-js keeps a field's extensions as a plain object: the rule joins whatever is there.
    (field as { extensions: Record<string, unknown> }).extensions = { ...field.extensions, ...costs(rule) };
  }
  return schema;
}
