import { z } from 'zod';
import { PROVIDERS } from '../../src/providers/index.js';
import type { Asset, UploadTarget } from '../../src/providers/types.js';
import { AssetRef } from '../asset.js';
import { builder } from '../builder.js';
import { ProviderEnum } from '../enums.js';
import { describedInput, optional, required } from '../input.js';
import { payloadType } from '../mutation.js';
import { nameSchema, projectIdSchema } from '../validators.js';

/** Large uploads: a target to send the bytes to yourself, and (multipart) the report of the parts sent. */

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

export const CreateUploadTargetInput = describedInput('CreateUploadTargetInput', {
  fields: {
    provider: required(ProviderEnum, z.enum(PROVIDERS)),
    filename: required('String', nameSchema(255)),
    mimeType: required('String', z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as video/mp4'), { description: 'e.g. video/mp4' }),
    sizeBytes: required(
      'Float',
      z
        .number()
        .int('must be a whole number of bytes')
        .positive('must be above 0')
        .max(5 * 1024 ** 4, 'must be at most 5 TB'),
    ),
    projectId: optional('ID', projectIdSchema, { description: 'Video Jungle: the project the asset joins (required there).' }),
  },
});

export const CreateUploadTargetPayload = payloadType<{ uploadTarget: UploadTarget | null }>('CreateUploadTargetPayload', (t) => ({
  uploadTarget: t.field({ type: UploadTargetRef, nullable: true, resolve: (p) => p.uploadTarget }),
}));

const UploadedPartInput = describedInput('UploadedPartInput', {
  fields: {
    partNumber: required('Int', z.number().int().min(1, 'must be 1 or more')),
    etag: required('String', z.string().trim().min(1).max(256), { description: 'The ETag header the part URL answered.' }),
    sizeBytes: required('Float', z.number().int().positive('must be above 0')),
  },
});

export const ReportUploadedPartsInput = describedInput('ReportUploadedPartsInput', {
  fields: {
    provider: required(ProviderEnum, z.enum(PROVIDERS)),
    uploadId: required('String', z.string().trim().min(1).max(256), { description: "The upload target's uploadId." }),
    parts: required([UploadedPartInput.ref], z.array(UploadedPartInput.schema).min(1, 'report at least one part').max(10_000)),
  },
});

export interface PartsPayload {
  asset: Asset | null;
  completedParts: number | null;
  complete: boolean | null;
}

export const ReportUploadedPartsPayload = payloadType<PartsPayload>('ReportUploadedPartsPayload', (t) => ({
  asset: t.field({ type: AssetRef, nullable: true, resolve: (p) => p.asset, description: 'The asset, as it is now.' }),
  completedParts: t.exposeInt('completedParts', { nullable: true, description: 'Parts the provider has counted so far.' }),
  complete: t.exposeBoolean('complete', { nullable: true, description: 'Every part is in; the asset now processes.' }),
}));
