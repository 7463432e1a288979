import { z } from 'zod';
import { announce } from '../../../../resolvers/mutation/announce.js';
import { capability, nameSchema, projectIdSchema } from '../../../../resolvers/mutation/inputs.js';
import { runMutation, validate } from '../../../../resolvers/mutation/user-errors.js';
import { builder } from '../../../../schema/builder.js';
import { payloadType } from '../../../../schema/mutation.js';
import type { Context } from '../../../context.js';
import type { FieldPath } from '../../../errors/domain.js';
import { encodeGlobalId } from '../../../../schema/ids.js';
import type { Project } from '../../types.js';
import type { ProjectWriter, VideoJungleAsset } from '../types.js';
import { VideoJungleAssetRef } from './asset.js';
import { editSchema, toVideoEdit } from './edit-schema.js';
import { primeProjects, projectLoader } from './loaders.js';
import { ProjectRef } from './project.js';
import { VideoEditInput } from './video-edit.js';
import { fixedCost } from '../../../cost/rule.js';

const writer = (ctx: Context, field: FieldPath = ['projectId']): ProjectWriter => capability(ctx, 'VIDEO_JUNGLE', (c) => c.projectWriter, 'projects', field);

const ProjectPayload = payloadType<{ project: Project | null }>('CreateProjectPayload', (t) => ({
  project: t.field({ type: ProjectRef, nullable: true, resolve: (p) => p.project }),
}));
const DeleteProjectPayload = payloadType<{ deletedProjectId: string | null }>('DeleteProjectPayload', (t) => ({
  deletedProjectId: t.id({ nullable: true, resolve: (p) => p.deletedProjectId }),
}));
const GeneratePayload = payloadType<{ asset: VideoJungleAsset | null }>('GenerateAssetPayload', (t) => ({
  asset: t.field({ type: VideoJungleAssetRef, nullable: true, description: 'The asset the generation becomes, not READY yet.', resolve: (p) => p.asset }),
}));
const RenderPayload = payloadType<{ asset: VideoJungleAsset | null; editId: string | null }>('RenderEditPayload', (t) => ({
  asset: t.field({ type: VideoJungleAssetRef, nullable: true, description: 'The asset the render becomes.', resolve: (p) => p.asset }),
  editId: t.string({ nullable: true, resolve: (p) => p.editId }),
}));

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string(),
    promptId: t.string(),
    generationMethod: t.string({ description: 'Video Jungle template key (default "prompt-to-video").' }),
  }),
});
const DeleteProjectInput = builder.inputType('DeleteProjectInput', { fields: (t) => ({ id: t.id({ required: true }) }) });
const GenerateParameterInput = builder.inputType('GenerateParameterInput', {
  fields: (t) => ({ name: t.string({ required: true }), value: t.string({ required: true }) }),
});
const GenerateAssetInput = builder.inputType('GenerateAssetInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    scriptId: t.string({ required: true }),
    parameters: t.field({ type: [GenerateParameterInput], description: "The script's parameters (values are strings)." }),
    prompt: t.string({ description: "A custom prompt instead of the script's own." }),
    promptPersona: t.string(),
  }),
});
const RenderEditInput = builder.inputType('RenderEditInput', {
  fields: (t) => ({ projectId: t.id({ required: true }), edit: t.field({ type: VideoEditInput, required: true }) }),
});

const createSchema = z.object({
  name: nameSchema(255),
  description: z.string().max(4096).nullish(),
  promptId: z.string().trim().min(1).max(128).nullish(),
  generationMethod: z.string().trim().min(1).max(64).nullish(),
});
const generateSchema = z.object({
  projectId: projectIdSchema,
  scriptId: z.string().trim().min(1).max(128),
  parameters: z
    .array(z.object({ name: z.string().trim().min(1).max(128), value: z.string().max(4096) }))
    .max(50)
    .nullish(),
  prompt: z.string().trim().min(1).max(8000).nullish(),
  promptPersona: z.string().max(2000).nullish(),
});

builder.mutationFields((t) => ({
  createProject: t.field({
    // At most 2 upstream calls, as measured on the sandbox (test/helpers/harness.ts checks every answer's bound).
    extensions: fixedCost(2),
    type: ProjectPayload,
    nullable: true,
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation<{ project: Project | null }>(
        async () => {
          const v = validate(createSchema, input);
          const project = await writer(ctx, []).createProject({
            name: v.name,
            description: v.description ?? undefined,
            promptId: v.promptId ?? undefined,
            generationMethod: v.generationMethod ?? undefined,
          });
          primeProjects(ctx, [project]);
          return { project };
        },
        { project: null },
      ),
  }),
  deleteProject: t.field({
    extensions: fixedCost(1),
    type: DeleteProjectPayload,
    nullable: true,
    args: { input: t.arg({ type: DeleteProjectInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation<{ deletedProjectId: string | null }>(
        async () => {
          const id = validate(z.object({ id: projectIdSchema }), input).id;
          await writer(ctx, ['id']).deleteProject(id);
          projectLoader(ctx).clear(id);
          return { deletedProjectId: encodeGlobalId('Project', id) };
        },
        { deletedProjectId: null },
        ['id'],
      ),
  }),
  generateAsset: t.field({
    // At most 3 upstream calls, as measured on the sandbox (test/helpers/harness.ts checks every answer's bound).
    extensions: fixedCost(3),
    type: GeneratePayload,
    nullable: true,
    description:
      "Starts a Video Jungle generation from a project's script and returns the asset it becomes, as Video Jungle shows it at once: PROCESSING while it renders (PENDING while queued), READY when done. A refusal names the input at fault (projectId, scriptId, parameters, prompt).",
    args: { input: t.arg({ type: GenerateAssetInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation<{ asset: VideoJungleAsset | null }>(
        async () => {
          const v = validate(generateSchema, input);
          const asset = await writer(ctx).generate({
            projectId: v.projectId,
            scriptId: v.scriptId,
            parameters: v.parameters ?? [],
            prompt: v.prompt ?? undefined,
            promptPersona: v.promptPersona ?? undefined,
          });
          ctx.loaders.prime([asset]);
          await announce(ctx, [asset]);
          return { asset };
        },
        { asset: null },
      ),
  }),
  renderEdit: t.field({
    extensions: fixedCost(3),
    type: RenderPayload,
    nullable: true,
    description: 'Creates (and renders, unless skipRendering) a Video Jungle edit; returns the asset the render becomes.',
    args: { input: t.arg({ type: RenderEditInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation<{ asset: VideoJungleAsset | null; editId: string | null }>(
        async () => {
          const v = validate(z.object({ projectId: projectIdSchema, edit: editSchema }), input);
          const { asset, editId } = await writer(ctx).renderEdit(v.projectId, toVideoEdit(v.edit));
          ctx.loaders.prime([asset]);
          await announce(ctx, [asset]);
          return { asset, editId };
        },
        { asset: null, editId: null },
      ),
  }),
}));
