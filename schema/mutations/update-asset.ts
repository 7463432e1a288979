import { z } from 'zod';
import type { Asset } from '../../src/providers/types.js';
import { AssetRef } from '../asset.js';
import { describedInput, optional, required } from '../input.js';
import { payloadType } from '../mutation.js';
import { nameSchema } from '../validators.js';

// 3 MB of image is at most 4 MiB of base64; the provider's client checks the decoded size exactly.
const POSTER_MAX_BASE64 = Math.ceil((3 * 1024 * 1024) / 3) * 4;

export const UpdateAssetInput = describedInput('UpdateAssetInput', {
  description: 'Fields left out are unchanged. Uplynk supports them all; other providers answer UNSUPPORTED_BY_PROVIDER for fields they lack.',
  fields: {
    id: required('ID', z.string()),
    name: optional('String', nameSchema(1024), { description: 'The display name (Uplynk desc).' }),
    externalId: optional('String', nameSchema(512)),
    metadata: optional('JSON', z.record(z.string(), z.unknown(), { message: 'must be an object' }), { description: 'Replaces the metadata; {} clears it.' }),
    posterImage: optional(
      'String',
      z.string().refine((v) => v.length <= POSTER_MAX_BASE64, { message: 'the poster must be under 3 MB before encoding', params: { code: 'FILE_TOO_LARGE' } }),
      { description: "Base64 image under 3 MB before encoding; '' resets to the default poster." },
    ),
    autoExpireAt: optional('DateTime', z.date(), { description: 'When the asset expires; null for never.' }),
    requireDrm: optional('Boolean', z.boolean()),
    requireStudioDrm: optional('Boolean', z.boolean()),
    newTestPlayer: optional('Boolean', z.boolean(), { description: 'true: generate a new test player URL.' }),
    newEmbedPlayer: optional('Boolean', z.boolean(), { description: 'true: generate a new embed player URL.' }),
  },
});

export const UpdateAssetPayload = payloadType<{ asset: Asset | null }>('UpdateAssetPayload', (t) => ({
  asset: t.field({ type: AssetRef, nullable: true, description: 'The asset as it is now.', resolve: (p) => p.asset }),
}));
