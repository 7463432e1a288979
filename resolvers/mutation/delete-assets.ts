import type { z } from 'zod';
import { builder } from '../../schema/builder.js';
import { DeleteAssetsInput, DeleteAssetsPayload, type DeletePayload } from '../../schema/mutations/delete-assets.js';
import type { Context } from '../../src/context.js';
import { toGraphQLError } from '../../src/errors/to-graphql.js';
import { ASSET_TYPENAMES, decodeAssetId, encodeGlobalId } from '../../schema/ids.js';
import type { AssetWriter } from '../../src/providers/port.js';
import type { ProviderName } from '../../src/providers/types.js';
import { capability } from './inputs.js';
import { toUserErrors, type UserError } from '../../src/errors/to-user-errors.js';
import { runMutation, validate } from './user-errors.js';
import { announceDeleted } from './announce.js';
import { costs, type CostEnv } from '../../src/cost/rule.js';

builder.mutationField('deleteAssets', (t) =>
  t.field({
    // Each provider's distinct ids in calls of its maxDeleteBatch (Uplynk 1,000; others 1).
    extensions: costs(({ input }, env) => ({ calls: deleteCalls(env, (input as { ids?: unknown[] }).ids ?? []) })),
    type: DeleteAssetsPayload,
    nullable: true,
    description: 'Deletes assets, grouped by provider: Uplynk in one call per 1,000 ids, others one call per id with bounded concurrency.',
    args: { input: t.arg({ type: DeleteAssetsInput.ref, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation<DeletePayload>(() => deleteAssets(ctx, validate(DeleteAssetsInput.schema, input)), { deletedIds: [], failedProviders: [] }),
  }),
);

async function deleteAssets(ctx: Context, input: z.infer<typeof DeleteAssetsInput.schema>): Promise<DeletePayload> {
  const { byProvider, writers, errors } = groupByProvider(ctx, input.ids);
  const payload: DeletePayload = { deletedIds: [], userErrors: errors, failedProviders: [] };
  let outage: Error | undefined;
  await Promise.all(
    [...byProvider].map(async ([provider, entries]) => {
      const result = await writers.get(provider)!.deleteAssets(
        entries.map((e) => e.id),
        { force: input.force ?? false },
      );
      for (const id of result.deleted) {
        ctx.loaders.forgetAsset(provider, id);
        payload.deletedIds.push(encodeGlobalId(ASSET_TYPENAMES[provider], id));
      }
      await announceDeleted(ctx, provider, result.deleted);
      for (const failure of result.failed) {
        const index = entries.find((e) => e.id === failure.id)?.index ?? -1;
        const asUser = toUserErrors(failure.error, ['ids', index]);
        if (asUser) {
          payload.userErrors.push(...asUser);
        } else if (!payload.failedProviders.some((p) => p.provider === provider)) {
          outage ??= failure.error;
          const mapped = toGraphQLError(failure.error);
          payload.failedProviders.push({ provider, code: String(mapped.extensions.code), message: mapped.message });
        }
      }
    }),
  );
  // Nothing deleted and nothing the caller did wrong: only an outage, so it is a GraphQL error.
  if (outage && payload.deletedIds.length === 0 && payload.userErrors.length === 0) throw outage;
  return payload;
}

/** Decodes and groups ids by provider; bad ids and providers that cannot delete become user errors. */
function groupByProvider(ctx: Context, ids: string[]) {
  const byProvider = new Map<ProviderName, { id: string; index: number }[]>();
  const writers = new Map<ProviderName, AssetWriter>();
  const errors: UserError[] = [];
  ids.forEach((globalId, index) => {
    const field = ['ids', index];
    try {
      const { provider, id } = decodeAssetId(globalId);
      if (!writers.has(provider))
        writers.set(
          provider,
          capability(ctx, provider, (c) => c.writer, 'deleting assets', field),
        );
      const list = byProvider.get(provider) ?? byProvider.set(provider, []).get(provider)!;
      if (!list.some((e) => e.id === id)) list.push({ id, index });
    } catch (error) {
      errors.push(...(toUserErrors(error, field) ?? [{ code: 'INVALID', field: ['input', ...field.map(String)], message: (error as Error).message }]));
    }
  });
  return { byProvider, writers, errors };
}

function deleteCalls(env: CostEnv, ids: readonly unknown[]): number {
  const byProvider = new Map<ProviderName, Set<string>>();
  for (const globalId of ids) {
    try {
      const { provider, id } = decodeAssetId(String(globalId));
      (byProvider.get(provider) ?? byProvider.set(provider, new Set()).get(provider)!).add(id);
    } catch {
      // A bad id is a user error, no call.
    }
  }
  let calls = 0;
  for (const [provider, distinct] of byProvider) {
    const writer = env.providers.has(provider) ? env.providers.get(provider).writer : undefined;
    if (writer) calls += Math.ceil(distinct.size / writer.maxDeleteBatch);
  }
  return calls;
}
