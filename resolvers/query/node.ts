import { badInput } from '../../src/errors/domain.js';
import type { ProviderName } from '../../src/providers/index.js';
import { builder } from '../../schema/builder.js';
import { AssetRef } from '../../schema/asset.js';
import { ProviderEnum } from '../../schema/enums.js';
import { costs } from '../../src/cost/rule.js';
import { assetReadCalls, globalIdReadCalls } from '../../src/cost/reads.js';
import { loadAsset, loadAssetByGlobalId, loadNode } from '../load.js';

/** Most IDs one `nodes` call takes: a gateway's entity batch or a big page of references. */
export const MAX_NODES = 5000;

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Any object with a global ID.',
    args: { id: t.arg.id({ required: true }) },
    extensions: costs(({ id }, env) => ({ calls: globalIdReadCalls(env, [id]) })),
    resolve: (_root, { id }, ctx) => loadNode(ctx, id),
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Objects by global ID, in the order asked (up to ${MAX_NODES}). An ID that is malformed or not found is null, with an error for that entry alone. IDs of one provider are read in the fewest calls the provider allows.`,
    args: { ids: t.arg.idList({ required: true }) },
    // Exact: the loaders read each provider's distinct ids in ceil(n / maxBatch) calls.
    extensions: costs(({ ids }, env) => {
      const list = ids as unknown[];
      return list.length > MAX_NODES ? { calls: 0 } : { calls: globalIdReadCalls(env, list), fanOut: list.length };
    }),
    resolve: (_root, { ids }, ctx) => {
      if (ids.length > MAX_NODES) throw badInput(`nodes takes at most ${MAX_NODES} ids, got ${ids.length}`);
      // Each entry settles on its own: an Error in a list makes that item null with its own error.
      return ids.map((id) => {
        try {
          return loadNode(ctx, String(id)).catch((error: unknown) => error as Error);
        } catch (error) {
          return error as Error;
        }
      }) as never;
    },
  }),
  asset: t.field({
    type: AssetRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    extensions: costs(({ id }, env) => ({ calls: globalIdReadCalls(env, [id]) })),
    resolve: (_root, { id }, ctx) => loadAssetByGlobalId(ctx, String(id)),
  }),
  assetByProviderId: t.field({
    type: AssetRef,
    nullable: true,
    description: "An asset by the provider's own id.",
    args: {
      provider: t.arg({ type: ProviderEnum, required: true }),
      providerId: t.arg.string({ required: true }),
    },
    extensions: costs(({ provider }, env) => ({ calls: assetReadCalls(env, provider as ProviderName, 1) })),
    resolve: (_root, { provider, providerId }, ctx) => loadAsset(ctx, provider, providerId),
  }),
}));
