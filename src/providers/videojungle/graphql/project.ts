import { builder } from '../../../../schema/builder.js';
import { encodeGlobalId } from '../../../../schema/ids.js';
import { connectionType } from '../../../../schema/connection.js';
import type { Project, ProjectScript } from '../../types.js';
import { costs } from '../../../cost/rule.js';
import { PROJECT_LOADER, projectLoader } from './loaders.js';

export const ProjectRef = builder.objectRef<Project>('Project');

// Not builder.node, whose id resolves through an async function: see schema/asset-node.ts.
builder.objectType(ProjectRef, {
  description: 'A Video Jungle project: the scripts, prompts and assets of a generated video.',
  interfaces: [builder.nodeInterfaceRef()],
  isTypeOf: (value) => typeof value === 'object' && value !== null && !('provider' in value),
  fields: (t) => ({
    id: t.id({ resolve: (p) => encodeGlobalId('Project', p.id) }),
    providerId: t.exposeString('id', { description: "Video Jungle's own project id." }),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    data: t.expose('data', { type: 'JSON', nullable: true, description: 'The generation method or template data.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true }),
    ownerId: t.exposeString('ownerId', { nullable: true }),
    assetCount: t.exposeInt('assetCount', { nullable: true }),
  }),
});

export const ProjectConnectionRef = connectionType<Project>('Project', ProjectRef);

const ScriptParameterRef = builder.objectRef<ProjectScript['parameters'][number]>('VideoJungleScriptParameter').implement({
  description: 'A parameter a generation from the script must give (all values are strings).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, as generateAsset takes it in `parameters`.' }),
    type: t.exposeString('type', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
  }),
});

const ScriptRef = builder.objectRef<ProjectScript>('VideoJungleScript').implement({
  description: "A project's generation script: what generateAsset runs, and the parameters it needs.",
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The script id generateAsset takes as `scriptId`.' }),
    name: t.exposeString('name', { nullable: true }),
    parameters: t.field({ type: [ScriptParameterRef], resolve: (s) => s.parameters }),
  }),
});

builder.objectFields(ProjectRef, (t) => ({
  scripts: t.field({
    type: [ScriptRef],
    nullable: true,
    description: 'The scripts generateAsset can run in this project, with the parameters each needs.',
    // A project read as an asset's parent carries no scripts: then the whole project is read.
    extensions: costs((_args, env) => ({ calls: env.primed.has(PROJECT_LOADER) ? 0 : 1 })),
    resolve: async (project, _args, ctx) => project.scripts ?? (await projectLoader(ctx).load(project.id)).scripts ?? [],
  }),
}));
