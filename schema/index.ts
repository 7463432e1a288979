import type { GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './enums.js';
import './asset.js';
import './assets/videojungle.js';
import './assets/uplynk.js';
import './assets/twelvelabs.js';
import './assets/runway.js';
import './project.js';
import './change.js';
import './entities.js';
import '../resolvers/query/node.js';
import '../resolvers/query/assets.js';
import '../resolvers/query/projects.js';
import '../resolvers/query/changes.js';
import '../resolvers/query/providers.js';
import './mutation.js';
import '../resolvers/mutation/upload.js';
import '../resolvers/mutation/delete-assets.js';
import '../resolvers/mutation/update-asset.js';
import '../resolvers/mutation/video-jungle.js';
import '../resolvers/mutation/upload-target.js';
import '../resolvers/subscription/assets.js';

let schema: GraphQLSchema | undefined;

/**
 * The schema, built once: Pothos types are registered by importing their modules above. It is an
 * Apollo Federation v2 subgraph (`_service`, `_entities`, `@key`), and serves standalone as well.
 */
export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@shareable'],
  });
  return schema;
}
