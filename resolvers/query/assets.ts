import type { Context } from '../../src/context.js';
import { badInput } from '../../src/errors/domain.js';
import type { AssetListFilter, ProviderName } from '../../src/providers/types.js';
import { builder } from '../../schema/builder.js';
import { AssetConnectionRef, AssetFilterInput } from '../../schema/asset-list.js';
import { ProviderEnum } from '../../schema/enums.js';
import { costs, type CostEnv } from '../../src/cost/rule.js';
import { mergeNewestFirst, type SourcePage } from '../merge.js';
import { decodeCursor, encodeCursor, pageSize } from '../paging.js';

builder.queryField('assets', (t) =>
  t.field({
    type: AssetConnectionRef,
    // Null (with the error at its path) when the one provider asked for fails; a merged list answers
    // with the providers that did and names the others in incompleteProviders.
    nullable: true,
    description:
      "Assets, newest first. With `provider`, that provider's list over its own paging (null, with an error, when that provider fails); without, every enabled provider merged newest first (providers that fail are listed in `incompleteProviders`).",
    args: {
      provider: t.arg({ type: ProviderEnum }),
      filter: t.arg({ type: AssetFilterInput.ref }),
      first: t.arg.int({ description: 'Page size, 1–100 (default 20).' }),
      after: t.arg.string(),
    },
    extensions: costs((args, env) => listCost(env, args as ListArgs)),
    resolve: (_root, args, ctx) => listAssets(ctx, args.provider ?? undefined, readFilter(args.filter), pageSize(args.first), args.after),
  }),
);

type ListArgs = { provider?: ProviderName | null; filter?: unknown; first?: number | null; after?: string | null };

/**
 * A list costs the calls each provider's listAssets plans for its window (from its offset in the
 * cursor): one provider's, or the sum over every enabled one for a merged list. Arguments the
 * resolver refuses (a bad `first`, a foreign cursor, a disabled provider) cost nothing.
 */
function listCost(env: CostEnv, args: ListArgs) {
  try {
    const names = args.provider ? [args.provider] : env.providers.enabled();
    if (args.provider && !env.providers.has(args.provider)) return { calls: 0 };
    const size = pageSize(args.first);
    const filter = readFilter(args.filter);
    const offsets = decodeCursor(args.after, names);
    const calls = names.reduce((sum, name) => sum + env.providers.get(name).assets.listCalls({ offset: offsets[name]!, limit: size }, filter), 0);
    return { calls, fanOut: size };
  } catch {
    return { calls: 0 };
  }
}

/** The filter argument, checked by its validator; a bad value is a BAD_USER_INPUT naming `filter.<field>`. */
function readFilter(input: unknown): AssetListFilter {
  const parsed = AssetFilterInput.schema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const argument = ['filter', ...issue.path].join('.');
    throw badInput(`${argument} ${issue.message}`, { argument });
  }
  const { search, mediaType, includeShared } = parsed.data;
  return { search: search ?? undefined, mediaType: mediaType ?? undefined, includeShared: includeShared ?? undefined };
}

async function listAssets(ctx: Context, provider: ProviderName | undefined, filter: AssetListFilter, size: number, after: string | null | undefined) {
  const names = provider ? [provider] : ctx.providers.enabled();
  const offsets = decodeCursor(after, names);
  if (provider) {
    const offset = offsets[provider]!;
    const page = await ctx.providers.get(provider).assets.listAssets({ offset, limit: size }, filter);
    ctx.loaders.prime(page.items);
    return {
      edges: page.items.map((node, i) => ({ node, cursor: encodeCursor({ [provider]: offset + i + 1 }) })),
      hasNextPage: page.hasNextPage,
      totalCount: page.totalCount,
      incomplete: [],
    };
  }
  const sources = await Promise.all(
    names.map(async (name): Promise<SourcePage> => {
      try {
        const page = await ctx.providers.get(name).assets.listAssets({ offset: offsets[name]!, limit: size }, filter);
        ctx.loaders.prime(page.items);
        return { provider: name, page };
      } catch (error) {
        return { provider: name, error };
      }
    }),
  );
  return mergeNewestFirst(sources, offsets, size);
}
