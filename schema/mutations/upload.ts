import { z } from 'zod';
import { PROVIDERS } from '../../src/providers/index.js';
import type { Asset } from '../../src/providers/types.js';
import { AssetRef } from '../asset.js';
import { ProviderEnum } from '../enums.js';
import { describedInput, optional, required } from '../input.js';
import { payloadType } from '../mutation.js';
import { httpUrlSchema, metadataSchema, nameSchema, projectIdSchema } from '../validators.js';

const fileSchema = z.custom<File>((v) => typeof v === 'object' && v !== null && 'stream' in v && 'size' in v, 'must be a file');

export const UploadAssetInput = describedInput('UploadAssetInput', {
  fields: {
    provider: required(ProviderEnum, z.enum(PROVIDERS)),
    file: optional('File', fileSchema, { description: 'The file, sent with the multipart request spec. Exactly one of file and url.' }),
    url: optional('String', httpUrlSchema, {
      description:
        'An http(s) URL the provider fetches itself: Twelve Labs, and Video Jungle (any public URL: a video file it downloads, added to the project). Exactly one of file and url.',
    }),
    filename: optional('String', nameSchema(255), { description: "The asset's file name (default: the file's own name), 1–255 characters." }),
    projectId: optional('ID', projectIdSchema, { description: 'Video Jungle: the project the asset belongs to (required there).' }),
    metadata: optional('JSON', metadataSchema, { description: 'Flat metadata (string, number or boolean values).' }),
  },
  check: (input, ctx) => {
    if (!input.file === !input.url) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'give exactly one of file and url', params: { code: input.file ? 'INVALID' : 'REQUIRED' } });
    }
    if (input.file && input.file.size === 0) ctx.addIssue({ code: 'custom', path: ['file'], message: 'the file is empty' });
    if (input.file && !input.filename && !input.file.name) {
      ctx.addIssue({ code: 'custom', path: ['filename'], message: 'the file has no name: give filename', params: { code: 'REQUIRED' } });
    }
  },
});

export const UploadAssetPayload = payloadType<{ asset: Asset | null }>('UploadAssetPayload', (t) => ({
  asset: t.field({ type: AssetRef, nullable: true, description: 'The new asset, usually PENDING or PROCESSING.', resolve: (p) => p.asset }),
}));
