import type { GraphQLResponse } from './harness.js';

/** Anything that can send a query as text: a Harness, or the bench's own client. */
export interface TextClient {
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<any>>;
}

/**
 * Global IDs of the first `count` assets of a provider (newest first), read through the API's own list;
 * with `status`, only assets in that status (the newest are often still processing, as in a live library).
 */
export async function assetIds(h: TextClient, provider: string, count: number, status?: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  while (ids.length < count) {
    const res: any = await h.gql(
      `query($p: Provider!, $after: String) { assets(provider: $p, first: 100, after: $after) {
         edges { node { id status } } pageInfo { hasNextPage endCursor } } }`,
      { p: provider, after },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    ids.push(...res.data.assets.edges.filter((e: any) => !status || e.node.status === status).map((e: any) => e.node.id));
    if (!res.data.assets.pageInfo.hasNextPage) break;
    after = res.data.assets.pageInfo.endCursor;
  }
  if (ids.length < count) throw new Error(`${provider} has only ${ids.length} ${status ?? ''} assets, wanted ${count}`);
  return ids.slice(0, count);
}
