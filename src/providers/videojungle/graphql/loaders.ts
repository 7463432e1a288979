import type { Context } from '../../../context.js';
import type { Project } from '../../types.js';
import type { VideoJungleAsset } from '../types.js';

/**
 * Video Jungle's request loaders, as keyed loaders of the request (loaders/index.ts): projects by id
 * and each project's assets. Video Jungle has no multi-get for either, so each is one call per distinct
 * id, within the provider's bounded concurrency.
 */
/** The loaders' names, also what the cost model's `primes` name (a list that fills one makes its reads free). */
export const PROJECT_LOADER = 'VIDEO_JUNGLE:project';
export const PROJECT_ASSETS_LOADER = 'VIDEO_JUNGLE:project-assets';

export function projectLoader(ctx: Context) {
  return ctx.loaders.keyed<Project>(PROJECT_LOADER, (ids) => {
    const source = ctx.providers.get('VIDEO_JUNGLE').projects;
    return Promise.all(
      ids.map((id) =>
        ctx.loaders
          .limited('VIDEO_JUNGLE', () => source.getProject(id))
          .then((p) => {
            if (p.assets) ctx.loaders.prime(p.assets);
            return p;
          })
          .catch((error: unknown) => error as Error),
      ),
    );
  });
}

export function projectAssetsLoader(ctx: Context) {
  return ctx.loaders.keyed<VideoJungleAsset[]>(PROJECT_ASSETS_LOADER, (ids) => {
    const source = ctx.providers.get('VIDEO_JUNGLE').projects;
    return Promise.all(
      ids.map((id) =>
        ctx.loaders
          .limited('VIDEO_JUNGLE', () => source.listProjectAssets(id))
          .then((assets) => {
            ctx.loaders.prime(assets);
            return assets as VideoJungleAsset[];
          })
          .catch((error: unknown) => error as Error),
      ),
    );
  });
}

/** A project list primes both: its projects, and the assets each embeds. */
export function primeProjects(ctx: Context, projects: readonly Project[]): void {
  for (const p of projects) {
    projectLoader(ctx).prime(p.id, p);
    if (p.assets) ctx.loaders.prime(p.assets);
  }
}
