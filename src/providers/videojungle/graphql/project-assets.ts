import { sliceConnection } from '../../../../resolvers/paging.js';
import type { Context } from '../../../context.js';
import type { Project } from '../../types.js';
import type { VideoJungleAsset } from '../types.js';
import { projectAssetsLoader } from './loaders.js';

/** A project's assets: embedded in the project when Video Jungle sent them, else one list call. */
export async function projectAssets(project: Project, first: number | null | undefined, after: string | null | undefined, ctx: Context) {
  const assets = (project.assets as VideoJungleAsset[] | null) ?? (await projectAssetsLoader(ctx).load(project.id));
  return sliceConnection(assets, `project:${project.id}`, first, after);
}
