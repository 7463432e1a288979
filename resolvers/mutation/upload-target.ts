import { z } from 'zod';
import { AssetRef } from '../../schema/asset.js';
import { builder } from '../../schema/builder.js';
import { ProviderEnum } from '../../schema/enums.js';
import { payloadType } from '../../schema/mutation.js';
import { PROVIDERS } from '../../src/providers/index.js';
import type { Asset, UploadTarget } from '../../src/providers/types.js';
import { capability, nameSchema, projectIdSchema, requireProject } from './inputs.js';
import { runMutation, validate } from './user-errors.js';
import { announce } from './announce.js';
import { costs, fixedCost } from '../../src/cost/rule.js';
import type { ProviderName } from '../../src/providers/index.js';

const NameValueRef = builder.objectRef<{ name: string; value: string }>('UploadParameter').implement({
  fields: (t) => ({ name: t.exposeString('name'), value: t.exposeString('value') }),
});

const UploadPartRef = builder.objectRef<{ partNumber: number; url: string }>('UploadPart').implement({
  fields: (t) => ({ partNumber: t.exposeInt('partNumber'), url: t.exposeString('url') }),
});

const UploadTargetRef = builder.objectRef<UploadTarget>('UploadTarget').implement({
  description:
    "Where to send a large file's bytes yourself, then watch the asset turn READY (like Shopify's stagedUploadsCreate). For a presigned POST send `fields` then the file as multipart; for multipart uploads PUT each chunk to its part URL.",
  fields: (t) => ({
    url: t.exposeString('url'),
    method: t.exposeString('method', { description: 'POST or PUT' }),
    fields: t.field({ type: [NameValueRef], resolve: (u) => u.fields, description: 'Form fields to send before the file.' }),
    headers: t.field({
      type: [NameValueRef],
      resolve: (u) => u.headers,
      description:
        "Headers to send with the bytes: with every part's PUT for multipart uploads (Twelve Labs: Content-Type application/octet-stream, plus any the provider names).",
    }),
    parts: t.field({ type: [UploadPartRef], resolve: (u) => u.parts, description: 'Multipart uploads: one URL per chunk.' }),
    chunkSizeBytes: t.exposeFloat('chunkSizeBytes', { nullable: true }),
    uploadId: t.exposeString('uploadId', { nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    asset: t.field({ type: AssetRef, nullable: true, description: 'The asset the upload becomes.', resolve: (u) => u.asset }),
  }),
});

const CreateUploadTargetInput = builder.inputType('CreateUploadTargetInput', {
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, required: true }),
    filename: t.string({ required: true }),
    mimeType: t.string({ required: true, description: 'e.g. video/mp4' }),
    sizeBytes: t.float({ required: true }),
    projectId: t.id({ description: 'Video Jungle: the project the asset joins (required there).' }),
  }),
});

const CreateUploadTargetPayload = payloadType<{ uploadTarget: UploadTarget | null }>('CreateUploadTargetPayload', (t) => ({
  uploadTarget: t.field({ type: UploadTargetRef, nullable: true, resolve: (p) => p.uploadTarget }),
}));

const schema = z.object({
  provider: z.enum(PROVIDERS),
  filename: nameSchema(255),
  mimeType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as video/mp4'),
  sizeBytes: z
    .number()
    .int('must be a whole number of bytes')
    .positive('must be above 0')
    .max(5 * 1024 ** 4, 'must be at most 5 TB'),
  projectId: projectIdSchema.nullish(),
});

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
    args: { input: t.arg({ type: CreateUploadTargetInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation<{ uploadTarget: UploadTarget | null }>(
        async () => {
          const v = validate(schema, input);
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

const UploadedPartInput = builder.inputType('UploadedPartInput', {
  fields: (t) => ({
    partNumber: t.int({ required: true }),
    etag: t.string({ required: true, description: 'The ETag header the part URL answered.' }),
    sizeBytes: t.float({ required: true }),
  }),
});

const ReportUploadedPartsInput = builder.inputType('ReportUploadedPartsInput', {
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, required: true }),
    uploadId: t.string({ required: true, description: "The upload target's uploadId." }),
    parts: t.field({ type: [UploadedPartInput], required: true }),
  }),
});

interface PartsPayload {
  asset: Asset | null;
  completedParts: number | null;
  complete: boolean | null;
}

const ReportUploadedPartsPayload = payloadType<PartsPayload>('ReportUploadedPartsPayload', (t) => ({
  asset: t.field({ type: AssetRef, nullable: true, resolve: (p) => p.asset, description: 'The asset, as it is now.' }),
  completedParts: t.exposeInt('completedParts', { nullable: true, description: 'Parts the provider has counted so far.' }),
  complete: t.exposeBoolean('complete', { nullable: true, description: 'Every part is in; the asset now processes.' }),
}));

const partsSchema = z.object({
  provider: z.enum(PROVIDERS),
  uploadId: z.string().trim().min(1).max(256),
  parts: z
    .array(
      z.object({
        partNumber: z.number().int().min(1, 'must be 1 or more'),
        etag: z.string().trim().min(1).max(256),
        sizeBytes: z.number().int().positive('must be above 0'),
      }),
    )
    .min(1, 'report at least one part')
    .max(10_000),
});

builder.mutationField('reportUploadedParts', (t) =>
  t.field({
    // At most 2 upstream calls (the report, and a read of the asset).
    extensions: fixedCost(2),
    type: ReportUploadedPartsPayload,
    nullable: true,
    description: 'Finishes a multipart upload target (Twelve Labs): report the parts you PUT, with the ETag each answered.',
    args: { input: t.arg({ type: ReportUploadedPartsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation<PartsPayload>(
        async () => {
          const v = validate(partsSchema, input);
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
