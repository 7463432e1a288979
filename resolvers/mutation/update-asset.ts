import type { z } from 'zod';
import { builder } from '../../schema/builder.js';
import { UpdateAssetInput, UpdateAssetPayload } from '../../schema/mutations/update-asset.js';
import { decodeAssetId } from '../../schema/ids.js';
import type { Asset, AssetUpdate } from '../../src/providers/types.js';
import { capability } from './inputs.js';
import { InputProblems, InvalidInputError, UnsupportedError } from '../../src/errors/domain.js';
import { runMutation, validate } from './user-errors.js';
import { announce } from './announce.js';
import { fixedCost } from '../../src/cost/rule.js';

builder.mutationField('updateAsset', (t) =>
  t.field({
    // At most 2 upstream calls (the update, and a read of the result where the provider needs one).
    extensions: fixedCost(2),
    type: UpdateAssetPayload,
    nullable: true,
    args: { input: t.arg({ type: UpdateAssetInput.ref, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation<{ asset: Asset | null }>(
        async () => {
          const valid = validate(UpdateAssetInput.schema, input);
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
function toUpdate(valid: z.infer<typeof UpdateAssetInput.schema>, raw: Record<string, unknown>): AssetUpdate {
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
