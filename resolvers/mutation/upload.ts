import { builder } from '../../schema/builder.js';
import { UploadAssetInput, UploadAssetPayload } from '../../schema/mutations/upload.js';
import type { Asset } from '../../src/providers/types.js';
import { capability, requireProject } from './inputs.js';
import { runMutation, validate } from './user-errors.js';
import { announce } from './announce.js';
import { fixedCost } from '../../src/cost/rule.js';

builder.mutationField('uploadAsset', (t) =>
  t.field({
    // At most 3 upstream calls (the upload or URL ingest, a finishing step and a read where the provider needs them).
    extensions: fixedCost(3),
    type: UploadAssetPayload,
    nullable: true,
    description:
      'Uploads a file (multipart request) or has the provider fetch a URL. Twelve Labs, Video Jungle and Runway; Uplynk ingests elsewhere (UNSUPPORTED_BY_PROVIDER).',
    args: { input: t.arg({ type: UploadAssetInput.ref, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation<{ asset: Asset | null }>(
        async () => {
          const valid = validate(UploadAssetInput.schema, input);
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
