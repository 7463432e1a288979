import { request } from 'undici';
import { GRAPHQL_HEADERS } from './load.js';

export interface GraphQLResult<T = any> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; extensions?: Record<string, unknown> }[] | undefined;
  /** The body as received, for autocannon's expectBody. */
  text: string;
}

/** One query over HTTP, as any client sends it (the bench's own helper: tests' helpers may change under it). */
export async function gql<T = any>(endpoint: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
  const res = await request(endpoint, {
    method: 'POST',
    headers: GRAPHQL_HEADERS,
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.body.text();
  const body = JSON.parse(text) as { data?: T | null; errors?: GraphQLResult['errors'] };
  return { status: res.statusCode, data: body.data, errors: body.errors, text };
}

/** Like gql, but a GraphQL error or non-200 status throws, naming the query. */
export async function gqlOk<T = any>(endpoint: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(endpoint, query, variables);
  if (res.status !== 200 || res.errors || !res.data) {
    throw new Error(`query failed (HTTP ${res.status}): ${query.slice(0, 80)}: ${JSON.stringify(res.errors?.slice(0, 2))}`);
  }
  return res.data;
}

/** Global IDs of the first `count` assets of a provider, through the API's own list. */
export async function assetIds(endpoint: string, provider: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  while (ids.length < count) {
    const data: any = await gqlOk(
      endpoint,
      `query($p: Provider!, $after: String) { assets(provider: $p, first: 100, after: $after) {
         edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { p: provider, after },
    );
    ids.push(...data.assets.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!data.assets.pageInfo.hasNextPage) break;
    after = data.assets.pageInfo.endCursor;
  }
  if (ids.length < count) throw new Error(`${provider} has only ${ids.length} assets, wanted ${count}`);
  return ids.slice(0, count);
}

/** The provider's own id inside one of this API's global IDs (base64 of "Type:id"). */
export function providerIdOf(globalId: string): string {
  const text = Buffer.from(globalId, 'base64').toString('utf8');
  return text.slice(text.indexOf(':') + 1);
}

export function globalIdOf(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}
