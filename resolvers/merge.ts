import type { ConnectionResult, ProviderProblem } from '../schema/connection.js';
import { toGraphQLError } from '../src/errors/to-graphql.js';
import type { Asset, Page, ProviderName } from '../src/providers/types.js';
import { encodeCursor, type Offsets } from './paging.js';

/** A provider's page for a merged list, or why it could not be read. */
export type SourcePage = { provider: ProviderName; page: Page<Asset> } | { provider: ProviderName; error: unknown };

const time = (a: Asset) => a.createdAt?.getTime() ?? -Infinity;

/**
 * Merges each provider's newest-first page into one newest-first page of `size`. Each provider was
 * asked for `size` items from its own offset, so the merged page is exact; the cursor after each edge
 * records how far each provider has been consumed. A provider that failed keeps its offset (the next
 * page retries it) and is reported in `incomplete`.
 */
export function mergeNewestFirst(sources: SourcePage[], offsets: Offsets, size: number): ConnectionResult<Asset> {
  const position = { ...offsets };
  const incomplete: ProviderProblem[] = [];
  const heads: { provider: ProviderName; items: Asset[]; next: number; more: boolean }[] = [];
  for (const source of sources) {
    if ('error' in source) {
      const error = toGraphQLError(source.error);
      incomplete.push({ provider: source.provider, code: String(error.extensions.code), message: error.message });
    } else {
      heads.push({ provider: source.provider, items: source.page.items, next: 0, more: source.page.hasNextPage });
    }
  }
  const edges: ConnectionResult<Asset>['edges'] = [];
  while (edges.length < size) {
    let best: (typeof heads)[number] | undefined;
    for (const head of heads) {
      const candidate = head.items[head.next];
      if (candidate && (!best || time(candidate) > time(best.items[best.next]!))) best = head;
    }
    if (!best) break;
    const node = best.items[best.next++]!;
    position[best.provider] = (position[best.provider] ?? 0) + 1;
    edges.push({ node, cursor: encodeCursor(position) });
  }
  const totals = sources.map((s) => ('page' in s ? s.page.totalCount : null));
  return {
    edges,
    hasNextPage: heads.some((h) => h.next < h.items.length || h.more),
    totalCount: incomplete.length === 0 && totals.every((t) => t !== null) ? totals.reduce((a, b) => a! + b!, 0) : null,
    incomplete,
  };
}
