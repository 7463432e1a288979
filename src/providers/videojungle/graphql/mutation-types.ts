import { z } from 'zod';
import { describedInput, optional, required } from '../../../../schema/input.js';
import { payloadType } from '../../../../schema/mutation.js';
import { nameSchema, projectIdSchema } from '../../../../schema/validators.js';
import type { Project } from '../../types.js';
import type { VideoJungleAsset } from '../types.js';
import { VideoJungleAssetRef } from './asset.js';
import { ProjectRef } from './project.js';
import { VideoEditInput } from './video-edit.js';

/** The inputs and payloads of Video Jungle's own mutations (projects, generation, rendered edits). */

export const CreateProjectInput = describedInput('CreateProjectInput', {
  fields: {
    name: required('String', nameSchema(255)),
    description: optional('String', z.string().max(4096)),
    promptId: optional('String', z.string().trim().min(1).max(128)),
    generationMethod: optional('String', z.string().trim().min(1).max(64), { description: 'Video Jungle template key (default "prompt-to-video").' }),
  },
});

export const DeleteProjectInput = describedInput('DeleteProjectInput', { fields: { id: required('ID', projectIdSchema) } });

const GenerateParameterInput = describedInput('GenerateParameterInput', {
  fields: { name: required('String', z.string().trim().min(1).max(128)), value: required('String', z.string().max(4096)) },
});

export const GenerateAssetInput = describedInput('GenerateAssetInput', {
  fields: {
    projectId: required('ID', projectIdSchema),
    scriptId: required('String', z.string().trim().min(1).max(128)),
    parameters: optional([GenerateParameterInput.ref], z.array(GenerateParameterInput.schema).max(50), {
      description: "The script's parameters (values are strings).",
    }),
    prompt: optional('String', z.string().trim().min(1).max(8000), { description: "A custom prompt instead of the script's own." }),
    promptPersona: optional('String', z.string().max(2000)),
  },
});

export const RenderEditInput = describedInput('RenderEditInput', {
  fields: { projectId: required('ID', projectIdSchema), edit: required(VideoEditInput.ref, VideoEditInput.schema) },
});

export const ProjectPayload = payloadType<{ project: Project | null }>('CreateProjectPayload', (t) => ({
  project: t.field({ type: ProjectRef, nullable: true, resolve: (p) => p.project }),
}));
export const DeleteProjectPayload = payloadType<{ deletedProjectId: string | null }>('DeleteProjectPayload', (t) => ({
  deletedProjectId: t.id({ nullable: true, resolve: (p) => p.deletedProjectId }),
}));
export const GeneratePayload = payloadType<{ asset: VideoJungleAsset | null }>('GenerateAssetPayload', (t) => ({
  asset: t.field({ type: VideoJungleAssetRef, nullable: true, description: 'The asset the generation becomes, not READY yet.', resolve: (p) => p.asset }),
}));
export const RenderPayload = payloadType<{ asset: VideoJungleAsset | null; editId: string | null }>('RenderEditPayload', (t) => ({
  asset: t.field({ type: VideoJungleAssetRef, nullable: true, description: 'The asset the render becomes.', resolve: (p) => p.asset }),
  editId: t.string({ nullable: true, resolve: (p) => p.editId }),
}));
