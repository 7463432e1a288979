import type { Context } from '../../src/context.js';
import { badInput } from '../../src/errors/domain.js';
import type { AssetListFilter, ProviderName } from '../../src/providers/types.js';
import { AssetRef } from '../../schema/asset.js';
import { builder } from '../../schema/builder.js';
import { connectionType } from '../../schema/connection.js';
import { MediaTypeEnum, ProviderEnum } from '../../schema/enums.js';
import { costs, type CostEnv } from '../../src/cost/rule.js';
import { mergeNewestFirst, type SourcePage } from '../merge.js';
import { decodeCursor, encodeCursor, pageSize } from '../paging.js';

const AssetFilterInput = builder.inputType('AssetFilter', {
  fields: (t) => ({
    search: t.string({
      description: "Text to match, with the provider's own search (Uplynk query, Twelve Labs filename, Video Jungle names). Runway: UNSUPPORTED_BY_PROVIDER.",
    }),
    mediaType: t.field({ type: MediaTypeEnum }),
    includeShared: t.boolean({
      description:
        "Uplynk: also list the assets of libraries shared with this account (asset/list's shared_assets), merged newest first; such a list pages up to 1,000 assets deep. Default false: your own library only, asked for explicitly (ignore_shared_libraries). Other providers have no shared content.",
    }),
  }),
});

export const AssetConnectionRef = connectionType('Asset', AssetRef);

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
      filter: t.arg({ type: AssetFilterInput }),
      first: t.arg.int({ description: 'Page size, 1–100 (default 20).' }),
      after: t.arg.string(),
    },
    extensions: costs((args, env) => listCost(env, args as ListArgs)),
    resolve: (_root, args, ctx) => listAssets(ctx, args.provider ?? undefined, readFilter(args.filter), pageSize(args.first), args.after),
  }),
);

type ListArgs = { provider?: ProviderName | null; filter?: FilterInput | null; first?: number | null; after?: string | null };

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

type FilterInput = { search?: string | null; mediaType?: AssetListFilter['mediaType'] | null; includeShared?: boolean | null };

function readFilter(input: FilterInput | null | undefined): AssetListFilter {
  const search = input?.search ?? undefined;
  if (search !== undefined && (search.trim().length === 0 || search.length > 200)) {
    throw badInput('filter.search must be 1–200 characters', { argument: 'filter.search' });
  }
  return { search, mediaType: input?.mediaType ?? undefined, includeShared: input?.includeShared ?? undefined };
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
