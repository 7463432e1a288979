import { builder } from '../../../../schema/builder.js';
import { connectionType } from '../../../../schema/connection.js';
import type { Project } from '../../types.js';

export const ProjectRef = builder.objectRef<Project>('Project');

builder.node(ProjectRef, {
  description: 'A Video Jungle project: the scripts, prompts and assets of a generated video.',
  id: { resolve: (p) => p.id },
  isTypeOf: (value) => typeof value === 'object' && value !== null && !('provider' in value),
  fields: (t) => ({
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
