import type { Asset, UploadTarget } from '../../src/providers/types.js';
import { builder } from '../../schema/builder.js';
import {
  CreateUploadTargetInput,
  CreateUploadTargetPayload,
  type PartsPayload,
  ReportUploadedPartsInput,
  ReportUploadedPartsPayload,
} from '../../schema/mutations/upload-target.js';
import { capability, requireProject } from './inputs.js';
import { runMutation, validate } from './user-errors.js';
import { announce } from './announce.js';
import { costs, fixedCost } from '../../src/cost/rule.js';
import type { ProviderName } from '../../src/providers/index.js';

builder.mutationField('createUploadTarget', (t) =>
  t.field({
    // The provider's own bound for the size (Twelve Labs: a call per 50 parts; Video Jungle: 3). A writer
    // that does not say is priced at 3, the most any provider here spends on a small target.
    extensions: costs(({ input }, env) => {
      const { provider, sizeBytes } = input as { provider: ProviderName; sizeBytes?: number };
      const writer = env.providers.has(provider) ? env.providers.get(provider).writer : undefined;
      return { calls: writer?.createUploadTarget ? (writer.uploadTargetCalls?.(Number(sizeBytes) || 1) ?? 3) : 0 };
    }),
    type: CreateUploadTargetPayload,
    nullable: true,
    description:
      "For files too large to send through this API: Video Jungle's direct (presigned S3 POST) upload, Twelve Labs' multipart-upload API (video and audio up to 10 GB, images up to 32 MB). Uplynk and Runway offer none (UNSUPPORTED_BY_PROVIDER).",
    args: { input: t.arg({ type: CreateUploadTargetInput.ref, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation<{ uploadTarget: UploadTarget | null }>(
        async () => {
          const v = validate(CreateUploadTargetInput.schema, input);
          const writer = capability(ctx, v.provider, (c) => (c.writer?.createUploadTarget ? c.writer : undefined), 'upload targets');
          requireProject(v.provider, writer, v.projectId);
          const create = writer.createUploadTarget!.bind(writer);
          const uploadTarget = await create({
            filename: v.filename,
            mimeType: v.mimeType,
            sizeBytes: v.sizeBytes,
            projectId: v.projectId ?? undefined,
          });
          if (uploadTarget.asset) {
            ctx.loaders.prime([uploadTarget.asset]);
            await announce(ctx, [uploadTarget.asset]);
          }
          return { uploadTarget };
        },
        { uploadTarget: null },
      ),
  }),
);

builder.mutationField('reportUploadedParts', (t) =>
  t.field({
    // At most 2 upstream calls (the report, and a read of the asset).
    extensions: fixedCost(2),
    type: ReportUploadedPartsPayload,
    nullable: true,
    description: 'Finishes a multipart upload target (Twelve Labs): report the parts you PUT, with the ETag each answered.',
    args: { input: t.arg({ type: ReportUploadedPartsInput.ref, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation<PartsPayload>(
        async () => {
          const v = validate(ReportUploadedPartsInput.schema, input);
          const report = capability(ctx, v.provider, (c) => c.writer?.reportUploadedParts?.bind(c.writer), 'multipart upload targets');
          const result = await report(v.uploadId, v.parts);
          let asset: Asset | null = null;
          if (result.assetId) {
            ctx.loaders.forgetAsset(v.provider, result.assetId);
            asset = await ctx.loaders.asset(v.provider).load(result.assetId);
            await announce(ctx, [asset]);
          }
          return { asset, completedParts: result.totalCompleted, complete: result.fileUrl !== null };
        },
        { asset: null, completedParts: null, complete: null },
      ),
  }),
);
