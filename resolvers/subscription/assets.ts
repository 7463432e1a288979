import type { Context } from '../../src/context.js';
import { badInput } from '../../src/errors/domain.js';
import { decodeAssetId } from '../../schema/ids.js';
import { AssetRef } from '../../schema/asset.js';
import { builder } from '../../schema/builder.js';
import { ChangeRef } from '../../schema/change.js';
import { ProviderEnum } from '../../schema/enums.js';
import { costs } from '../../src/cost/rule.js';
import type { ProviderName } from '../../src/providers/index.js';
import { globalIdReadCalls } from '../../src/cost/reads.js';
import { REPLAY_MAX_READS } from '../../src/live/changes.js';

/** Most assets one subscription watches. */
export const MAX_WATCHED = 1000;

builder.subscriptionType({});

builder.subscriptionFields((t) => ({
  assetStatusChanged: t.field({
    type: AssetRef,
    description:
      'The current state of each asset, then an event each time its status (or url, duration, size) changes. Completes when every asset is terminal (READY, FAILED or DELETED). However many clients watch an asset, each provider is polled once.',
    args: { ids: t.arg.idList({ required: true }) },
    // Its initial read: the current state of each asset, batched like nodes.
    extensions: costs(({ ids }, env) => ({ calls: globalIdReadCalls(env, ids as unknown[]) })),
    subscribe: (_root, { ids }, ctx) => ctx.live.watch(assetKeys(ctx, ids.map(String))),
    resolve: (asset) => asset,
  }),
  assetChanges: t.field({
    type: ChangeRef,
    description: `Assets created, updated or deleted: Uplynk's change feed natively; for the other providers, the transitions the poller observes on watched assets. With \`since\`, first what the change feeds hold from then, in order, read in at most ${REPLAY_MAX_READS} pages per feed: a feed holding more ends the subscription with REPLAY_LIMIT_EXCEEDED after the changes read, and \`extensions.resumeSince\` to subscribe again from.`,
    args: { provider: t.arg({ type: ProviderEnum }), since: t.arg({ type: 'DateTime' }) },
    // With `since`, its replay reads each change feed from then, at most REPLAY_MAX_READS times (then
    // REPLAY_LIMIT_EXCEEDED says where to read on): priced at that bound, the difference refunded.
    extensions: costs(({ provider, since }, env) => {
      if (!since) return { calls: 0 };
      const names = provider ? [provider as ProviderName] : env.providers.enabled();
      return { calls: REPLAY_MAX_READS * names.filter((p) => env.providers.has(p) && env.providers.get(p).changes).length };
    }),
    subscribe: (_root, { provider, since }, ctx) => {
      if (provider) ctx.providers.get(provider);
      if (since && since.getTime() > Date.now()) throw badInput('since must not be in the future', { argument: 'since' });
      return ctx.live.changes(provider ?? undefined, since ?? undefined);
    },
    resolve: (change) => change,
  }),
}));

function assetKeys(ctx: Context, ids: string[]) {
  if (ids.length === 0 || ids.length > MAX_WATCHED) throw badInput(`give 1–${MAX_WATCHED} ids`, { argument: 'ids' });
  const keys = [
    ...new Map(
      ids.map((globalId) => {
        const key = decodeAssetId(globalId);
        return [`${key.provider}:${key.id}`, key] as const;
      }),
    ).values(),
  ];
  for (const key of keys) ctx.providers.get(key.provider);
  return keys;
}
