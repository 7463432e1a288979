import { z } from 'zod';
import { AssetRef } from '../../schema/asset.js';
import { builder } from '../../schema/builder.js';
import { ProviderEnum } from '../../schema/enums.js';
import { payloadType } from '../../schema/mutation.js';
import { PROVIDERS } from '../../src/providers/index.js';
import type { Asset } from '../../src/providers/types.js';
import { capability, httpUrlSchema, metadataSchema, nameSchema, projectIdSchema, requireProject } from './inputs.js';
import { runMutation, validate } from './user-errors.js';
import { announce } from './announce.js';
import { fixedCost } from '../../src/cost/rule.js';

const UploadAssetInput = builder.inputType('UploadAssetInput', {
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, required: true }),
    file: t.field({ type: 'File', description: 'The file, sent with the multipart request spec. Exactly one of file and url.' }),
    url: t.string({
      description:
        'An http(s) URL the provider fetches itself: Twelve Labs, and Video Jungle (any public URL: a video file it downloads, added to the project). Exactly one of file and url.',
    }),
    filename: t.string({ description: "The asset's file name (default: the file's own name), 1–255 characters." }),
    projectId: t.id({ description: 'Video Jungle: the project the asset belongs to (required there).' }),
    metadata: t.field({ type: 'JSON', description: 'Flat metadata (string, number or boolean values).' }),
  }),
});

const UploadAssetPayload = payloadType<{ asset: Asset | null }>('UploadAssetPayload', (t) => ({
  asset: t.field({ type: AssetRef, nullable: true, description: 'The new asset, usually PENDING or PROCESSING.', resolve: (p) => p.asset }),
}));

const fileSchema = z.custom<File>((v) => typeof v === 'object' && v !== null && 'stream' in v && 'size' in v, 'must be a file');

const uploadSchema = z
  .object({
    provider: z.enum(PROVIDERS),
    file: fileSchema.nullish(),
    url: httpUrlSchema.nullish(),
    filename: nameSchema(255).nullish(),
    projectId: projectIdSchema.nullish(),
    metadata: metadataSchema.nullish(),
  })
  .superRefine((input, ctx) => {
    if (!input.file === !input.url) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'give exactly one of file and url', params: { code: input.file ? 'INVALID' : 'REQUIRED' } });
    }
    if (input.file && input.file.size === 0) ctx.addIssue({ code: 'custom', path: ['file'], message: 'the file is empty' });
    if (input.file && !input.filename && !input.file.name) {
      ctx.addIssue({ code: 'custom', path: ['filename'], message: 'the file has no name: give filename', params: { code: 'REQUIRED' } });
    }
  });

builder.mutationField('uploadAsset', (t) =>
  t.field({
    // At most 3 upstream calls (the upload or URL ingest, a finishing step and a read where the provider needs them).
    extensions: fixedCost(3),
    type: UploadAssetPayload,
    nullable: true,
    description:
      'Uploads a file (multipart request) or has the provider fetch a URL. Twelve Labs, Video Jungle and Runway; Uplynk ingests elsewhere (UNSUPPORTED_BY_PROVIDER).',
    args: { input: t.arg({ type: UploadAssetInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation<{ asset: Asset | null }>(
        async () => {
          const valid = validate(uploadSchema, input);
          const writer = capability(ctx, valid.provider, (c) => (c.writer?.upload ? c.writer : undefined), 'uploads');
          requireProject(valid.provider, writer, valid.projectId);
          const upload = writer.upload!.bind(writer);
          const asset = await upload({
            filename: valid.filename ?? valid.file?.name ?? new URL(valid.url!).pathname.split('/').pop() ?? 'upload',
            file: valid.file ?? undefined,
            url: valid.url ?? undefined,
            projectId: valid.projectId ?? undefined,
            metadata: valid.metadata ?? undefined,
          });
          ctx.loaders.prime([asset]);
          await announce(ctx, [asset]);
          return { asset };
        },
        { asset: null },
      ),
  }),
);
