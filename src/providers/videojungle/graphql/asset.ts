import { assetNode } from '../../../../schema/asset-node.js';
import { builder } from '../../../../schema/builder.js';
import { connectionType } from '../../../../schema/connection.js';
import type { VideoJungleAsset } from '../types.js';
import { costs } from '../../../cost/rule.js';
import { PROJECT_ASSETS_LOADER, PROJECT_LOADER, projectLoader } from './loaders.js';
import { safePageSize } from '../../../../resolvers/paging.js';
import { ProjectRef } from './project.js';
import { projectAssets } from './project-assets.js';

export const VideoJungleAssetRef = assetNode('VIDEO_JUNGLE', 'An asset of a Video Jungle project.');

builder.objectFields(VideoJungleAssetRef, (t) => ({
  keyname: t.exposeString('keyname', { nullable: true }),
  assetType: t.exposeString('assetType', {
    nullable: true,
    description: 'e.g. user, generated_video, finished_video, youtube-url, video-reference',
  }),
  assetPath: t.exposeString('assetPath', { nullable: true }),
  description: t.exposeString('description', { nullable: true }),
  generatedDescription: t.exposeString('generatedDescription', { nullable: true }),
  createParameters: t.expose('createParameters', { type: 'JSON', nullable: true }),
  uploaded: t.exposeBoolean('uploaded'),
  project: t.field({
    type: ProjectRef,
    nullable: true,
    // Free below a project list or project (their loader is filled); else one GET per asset at most.
    extensions: costs((_args, env) => ({ calls: env.primed.has(PROJECT_LOADER) ? 0 : 1 })),
    resolve: (a, _args, ctx) => (a.projectId ? projectLoader(ctx).load(a.projectId) : null),
  }),
}));

const VideoJungleAssetConnectionRef = connectionType<VideoJungleAsset>('VideoJungleAsset', VideoJungleAssetRef);

// The project's side of the relation lives here, beside the asset type it returns.
builder.objectFields(ProjectRef, (t) => ({
  assets: t.field({
    type: VideoJungleAssetConnectionRef,
    nullable: true,
    args: { first: t.arg.int(), after: t.arg.string() },
    // Embedded in a project list; else one GET /projects/{id}/asset per project.
    extensions: costs(({ first }, env) => ({ calls: env.primed.has(PROJECT_ASSETS_LOADER) ? 0 : 1, fanOut: safePageSize(first) })),
    resolve: (project, { first, after }, ctx) => projectAssets(project, first, after, ctx),
  }),
}));
