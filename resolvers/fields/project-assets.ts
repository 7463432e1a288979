import type { Context } from '../../src/context.js';
import type { Project, VideoJungleAsset } from '../../src/providers/types.js';
import { sliceConnection } from '../paging.js';

/** A project's assets: embedded in the project when Video Jungle sent them, else one list call. */
export async function projectAssets(project: Project, first: number | null | undefined, after: string | null | undefined, ctx: Context) {
  const assets: VideoJungleAsset[] = project.assets ?? (await ctx.loaders.projectAssets.load(project.id));
  return sliceConnection(assets, `project:${project.id}`, first, after);
}
