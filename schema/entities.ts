import { badInput } from '../src/errors/domain.js';
import { ASSET_TYPENAMES, decodeGlobalId, type NodeTypename } from '../src/ids.js';
import type { Context } from '../src/context.js';
import { PROVIDERS } from '../src/providers/index.js';
import { loadNode } from '../resolvers/load.js';
import { AssetRef } from './asset.js';
import { UplynkAssetRef } from './assets/uplynk.js';
import { RunwayAssetRef } from './assets/runway.js';
import { TwelveLabsAssetRef } from './assets/twelvelabs.js';
import { VideoJungleAssetRef } from './assets/videojungle.js';
import { builder } from './builder.js';
import { ProjectRef } from './project.js';

/**
 * Federation entities: every asset type, the Asset interface (so another subgraph can hold an
 * `Asset @interfaceObject` reference without knowing the provider) and Project, all keyed by the
 * global ID. References resolve through the request's DataLoaders, so a gateway's batch of 2,500
 * Uplynk references costs what `nodes` costs: 3 upstream calls.
 */
const key = builder.selection<{ id: string }>('id');

/**
 * Loads a reference, refusing an ID of another type than the one the gateway named. Async on purpose:
 * @apollo/subgraph maps representations to one promise each, so a rejection nulls only its entry, where
 * a synchronous throw would fail the whole `_entities` list.
 */
function resolveAs(expected: NodeTypename | 'Asset') {
  return async (ref: { id: string }, ctx: Context) => {
    const { typename } = decodeGlobalId(ref.id);
    const isAsset = typename !== 'Project';
    if (expected !== typename && !(expected === 'Asset' && isAsset)) {
      throw badInput(`Entity ${expected} cannot be resolved from a ${typename} ID`);
    }
    return loadNode(ctx, ref.id) as never;
  };
}

builder.asEntity(AssetRef, { key, resolveReference: resolveAs('Asset') });
builder.asEntity(ProjectRef, { key, resolveReference: resolveAs('Project') });
const refs = {
  VIDEO_JUNGLE: VideoJungleAssetRef,
  UPLYNK: UplynkAssetRef,
  TWELVE_LABS: TwelveLabsAssetRef,
  RUNWAY: RunwayAssetRef,
};
for (const provider of PROVIDERS) {
  builder.asEntity(refs[provider] as typeof UplynkAssetRef, { key, resolveReference: resolveAs(ASSET_TYPENAMES[provider]) });
}
