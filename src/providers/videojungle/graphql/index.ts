/**
 * Video Jungle's GraphQL part: its asset type, Project (a Node and an entity of its own), the project
 * root fields, and the mutations only Video Jungle has (projects, generate, renderEdit). Imported when
 * the schema is built (src/providers/videojungle/index.ts), after every core type exists.
 */
import { registerNodeLoader } from '../../../../resolvers/load.js';
import { entityOf } from '../../../../resolvers/entities.js';
import { VideoJungleAssetRef } from './asset.js';
import { projectLoader } from './loaders.js';
import './mutations.js';
import { ProjectRef } from './project.js';
import './queries.js';

registerNodeLoader('Project', (ctx, id) => {
  ctx.providers.get('VIDEO_JUNGLE'); // PROVIDER_NOT_CONFIGURED before anything is queued
  return projectLoader(ctx).load(id);
});
entityOf(ProjectRef, 'Project');

export const assetRef = VideoJungleAssetRef;
