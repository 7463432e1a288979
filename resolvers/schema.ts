import type { GraphQLSchema } from 'graphql';
import { builder } from '../schema/index.js';
import { PROVIDER_MODULES } from '../src/providers/index.js';
import { priceEntities, registerAssetEntities } from './entities.js';
import './fields/frames.js';
import './mutation/delete-assets.js';
import './mutation/update-asset.js';
import './mutation/upload-target.js';
import './mutation/upload.js';
import './query/assets.js';
import './query/node.js';
import './query/providers.js';
import './subscription/assets.js';

let schema: Promise<GraphQLSchema> | undefined;

/**
 * The schema, built once: the core declarations (schema/), the root fields (resolvers/), then each
 * provider module's GraphQL part, imported now so it can build on every core type. It is an Apollo
 * Federation v2 subgraph (`_service`, `_entities`, `@key`), and serves standalone as well.
 */
export function buildSchema(): Promise<GraphQLSchema> {
  schema ??= (async () => {
    const parts = await Promise.all(PROVIDER_MODULES.map(async (m) => ({ ref: (await m.graphql()).assetRef, typename: m.typename })));
    registerAssetEntities(parts);
    return priceEntities(
      builder.toSubGraphSchema({
        linkUrl: 'https://specs.apollo.dev/federation/v2.6',
        federationDirectives: ['@key', '@shareable'],
      }),
    );
  })();
  return schema;
}
