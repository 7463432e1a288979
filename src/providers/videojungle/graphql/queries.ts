import { safePageSize, sliceConnection } from '../../../../resolvers/paging.js';
import { builder } from '../../../../schema/builder.js';
import { decodeProjectId } from '../../../../schema/ids.js';
import { costs } from '../../../cost/rule.js';
import { PROJECT_ASSETS_LOADER, PROJECT_LOADER, primeProjects, projectLoader } from './loaders.js';
import { ProjectConnectionRef, ProjectRef } from './project.js';

builder.queryFields((t) => ({
  projects: t.field({
    type: ProjectConnectionRef,
    nullable: true,
    description: 'Video Jungle projects (null, with an error, when Video Jungle fails). Video Jungle returns whole collections, so paging happens here.',
    args: { first: t.arg.int({ description: 'Page size, 1–100 (default 20).' }), after: t.arg.string() },
    // One GET /projects, whose projects embed their assets: what is nested below is already fetched.
    extensions: costs(({ first }, env) =>
      env.providers.has('VIDEO_JUNGLE') ? { calls: 1, fanOut: safePageSize(first), primes: [PROJECT_LOADER, PROJECT_ASSETS_LOADER] } : { calls: 0 },
    ),
    resolve: async (_root, { first, after }, ctx) => {
      const projects = await ctx.providers.get('VIDEO_JUNGLE').projects.listProjects();
      primeProjects(ctx, projects);
      return sliceConnection(projects, 'projects', first, after);
    },
  }),
  project: t.field({
    type: ProjectRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    extensions: costs((_args, env) => ({ calls: env.providers.has('VIDEO_JUNGLE') ? 1 : 0, primes: [PROJECT_LOADER] })),
    resolve: (_root, { id }, ctx) => {
      const projectId = decodeProjectId(String(id));
      ctx.providers.get('VIDEO_JUNGLE');
      return projectLoader(ctx).load(projectId);
    },
  }),
}));
