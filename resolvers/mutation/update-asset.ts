import { z } from 'zod';
import { AssetRef } from '../../schema/asset.js';
import { builder } from '../../schema/builder.js';
import { payloadType } from '../../schema/mutation.js';
import { decodeAssetId } from '../../schema/ids.js';
import type { Asset, AssetUpdate } from '../../src/providers/types.js';
import { capability, nameSchema } from './inputs.js';
import { InputProblems, InvalidInputError, UnsupportedError } from '../../src/errors/domain.js';
import { runMutation, validate } from './user-errors.js';
import { announce } from './announce.js';
import { fixedCost } from '../../src/cost/rule.js';

const UpdateAssetInput = builder.inputType('UpdateAssetInput', {
  description: 'Fields left out are unchanged. Uplynk supports them all; other providers answer UNSUPPORTED_BY_PROVIDER for fields they lack.',
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ description: 'The display name (Uplynk desc).' }),
    externalId: t.string(),
    metadata: t.field({ type: 'JSON', description: 'Replaces the metadata; {} clears it.' }),
    posterImage: t.string({ description: "Base64 image under 3 MB before encoding; '' resets to the default poster." }),
    autoExpireAt: t.field({ type: 'DateTime', description: 'When the asset expires; null for never.' }),
    requireDrm: t.boolean(),
    requireStudioDrm: t.boolean(),
    newTestPlayer: t.boolean({ description: 'true: generate a new test player URL.' }),
    newEmbedPlayer: t.boolean({ description: 'true: generate a new embed player URL.' }),
  }),
});

const UpdateAssetPayload = payloadType<{ asset: Asset | null }>('UpdateAssetPayload', (t) => ({
  asset: t.field({ type: AssetRef, nullable: true, description: 'The asset as it is now.', resolve: (p) => p.asset }),
}));

// 3 MB of image is at most 4 MiB of base64; the provider's client checks the decoded size exactly.
const POSTER_MAX_BASE64 = Math.ceil((3 * 1024 * 1024) / 3) * 4;

const schema = z.object({
  id: z.string(),
  name: nameSchema(1024).nullish(),
  externalId: nameSchema(512).nullish(),
  metadata: z.record(z.string(), z.unknown(), { message: 'must be an object' }).nullish(),
  posterImage: z
    .string()
    .refine((v) => v.length <= POSTER_MAX_BASE64, { message: 'the poster must be under 3 MB before encoding', params: { code: 'FILE_TOO_LARGE' } })
    .nullish(),
  autoExpireAt: z.date().nullish(),
  requireDrm: z.boolean().nullish(),
  requireStudioDrm: z.boolean().nullish(),
  newTestPlayer: z.boolean().nullish(),
  newEmbedPlayer: z.boolean().nullish(),
});

builder.mutationField('updateAsset', (t) =>
  t.field({
    // At most 2 upstream calls (the update, and a read of the result where the provider needs one).
    extensions: fixedCost(2),
    type: UpdateAssetPayload,
    nullable: true,
    args: { input: t.arg({ type: UpdateAssetInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation<{ asset: Asset | null }>(
        async () => {
          const valid = validate(schema, input);
          const { provider, id } = decodeWithField(valid.id);
          const update = toUpdate(valid, input as Record<string, unknown>);
          const updater = capability(ctx, provider, (c) => c.updater, 'updating assets', ['id']);
          const unsupported = Object.keys(update).filter((k) => !updater.updatableFields.includes(k as keyof AssetUpdate));
          if (unsupported.length > 0) {
            throw new InputProblems(unsupported.map((k) => new UnsupportedError(provider, `updating ${k}`, [k])));
          }
          const asset = await updater.updateAsset(id, update);
          ctx.loaders.forgetAsset(provider, id);
          ctx.loaders.prime([asset]);
          await announce(ctx, [asset]);
          return { asset };
        },
        { asset: null },
      ),
  }),
);

function decodeWithField(globalId: string) {
  try {
    return decodeAssetId(globalId);
  } catch (error) {
    throw new InvalidInputError((error as Error).message, { field: ['id'] });
  }
}

/** The fields the caller set. An explicit null means "clear" only for autoExpireAt (never expires). */
function toUpdate(valid: z.infer<typeof schema>, raw: Record<string, unknown>): AssetUpdate {
  const update: AssetUpdate = {};
  for (const key of ['name', 'externalId', 'metadata', 'posterImage', 'requireDrm', 'requireStudioDrm', 'newTestPlayer', 'newEmbedPlayer'] as const) {
    const value = valid[key];
    if (value !== null && value !== undefined) (update as Record<string, unknown>)[key] = value;
  }
  if ('autoExpireAt' in raw && raw.autoExpireAt !== undefined) update.autoExpireAt = valid.autoExpireAt ?? null;
  if (Object.keys(update).length === 0) {
    throw new InvalidInputError('give at least one field to change', { field: [], reason: 'REQUIRED' });
  }
  return update;
}
