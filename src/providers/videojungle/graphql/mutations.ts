import { announce } from '../../../../resolvers/mutation/announce.js';
import { capability } from '../../../../resolvers/mutation/inputs.js';
import { runMutation, validate } from '../../../../resolvers/mutation/user-errors.js';
import { builder } from '../../../../schema/builder.js';
import { encodeGlobalId } from '../../../../schema/ids.js';
import type { Context } from '../../../context.js';
import type { FieldPath } from '../../../errors/domain.js';
import type { Project } from '../../types.js';
import type { ProjectWriter, VideoJungleAsset } from '../types.js';
import { toVideoEdit } from './video-edit.js';
import { fixedCost } from '../../../cost/rule.js';
import { primeProjects, projectLoader } from './loaders.js';
import {
  CreateProjectInput,
  DeleteProjectInput,
  DeleteProjectPayload,
  GenerateAssetInput,
  GeneratePayload,
  ProjectPayload,
  RenderEditInput,
  RenderPayload,
} from './mutation-types.js';

const writer = (ctx: Context, field: FieldPath = ['projectId']): ProjectWriter => capability(ctx, 'VIDEO_JUNGLE', (c) => c.projectWriter, 'projects', field);

builder.mutationField('createProject', (t) =>
  t.field({
    // At most 2 upstream calls, as measured on the sandbox (test/helpers/harness.ts checks every answer's bound).
    extensions: fixedCost(2),
    type: ProjectPayload,
    nullable: true,
    args: { input: t.arg({ type: CreateProjectInput.ref, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation<{ project: Project | null }>(
        async () => {
          const v = validate(CreateProjectInput.schema, input);
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
);

builder.mutationField('deleteProject', (t) =>
  t.field({
    extensions: fixedCost(1),
    type: DeleteProjectPayload,
    nullable: true,
    args: { input: t.arg({ type: DeleteProjectInput.ref, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation<{ deletedProjectId: string | null }>(
        async () => {
          const { id } = validate(DeleteProjectInput.schema, input);
          await writer(ctx, ['id']).deleteProject(id);
          projectLoader(ctx).clear(id);
          return { deletedProjectId: encodeGlobalId('Project', id) };
        },
        { deletedProjectId: null },
        ['id'],
      ),
  }),
);

builder.mutationField('generateAsset', (t) =>
  t.field({
    // At most 3 upstream calls, as measured on the sandbox (test/helpers/harness.ts checks every answer's bound).
    extensions: fixedCost(3),
    type: GeneratePayload,
    nullable: true,
    description:
      "Starts a Video Jungle generation from a project's script and returns the asset it becomes, as Video Jungle shows it at once: PROCESSING while it renders (PENDING while queued), READY when done. A refusal names the input at fault (projectId, scriptId, parameters, prompt).",
    args: { input: t.arg({ type: GenerateAssetInput.ref, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation<{ asset: VideoJungleAsset | null }>(
        async () => {
          const v = validate(GenerateAssetInput.schema, input);
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
);

builder.mutationField('renderEdit', (t) =>
  t.field({
    extensions: fixedCost(3),
    type: RenderPayload,
    nullable: true,
    description: 'Creates (and renders, unless skipRendering) a Video Jungle edit; returns the asset the render becomes.',
    args: { input: t.arg({ type: RenderEditInput.ref, required: true }) },
    resolve: (_r, { input }, ctx) =>
      runMutation<{ asset: VideoJungleAsset | null; editId: string | null }>(
        async () => {
          const v = validate(RenderEditInput.schema, input);
          const { asset, editId } = await writer(ctx).renderEdit(v.projectId, toVideoEdit(v.edit));
          ctx.loaders.prime([asset]);
          await announce(ctx, [asset]);
          return { asset, editId };
        },
        { asset: null, editId: null },
      ),
  }),
);
