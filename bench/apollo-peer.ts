import { RESTDataSource } from '@apollo/datasource-rest';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { ProviderConfigs } from '../src/config/index.js';
import { signMessage } from '../src/providers/uplynk/sign.js';
import { announce, cpu, exitSoon, memory, profiling, serveRpc } from './processes/rpc.js';

/**
 * THE APOLLO PEER (bench case "concurrent"): not assetfed. What a careful team writes by hand over
 * the same two providers with the usual Node stack: Apollo Server 4 (`startStandaloneServer`), a
 * RESTDataSource per provider created afresh in `context` for every request, each wrapping a
 * DataLoader, so the ids one request asks for go out as one multi-get (Uplynk POST /api2/asset/get
 * with `ids`, up to 1000; Twelve Labs GET /assets?asset_ids=…&page_limit=50, up to 50), mapped back in
 * key order. Batching stops at the request: no loader, cache or batcher is shared between requests
 * (that is what the case compares), so every `asset(id)` request is its own upstream call.
 * RESTDataSource's own dedup of identical GETs within a request is left as it is; its HTTP cache
 * stores nothing (the sandbox sends no cache headers, and Twelve Labs' data source says ttl 0 anyway).
 * Its fetcher is the default one (node-fetch 2 over Node's global agent, keep-alive on Node 20).
 *
 * It answers the bench's query, `asset(id) { id provider providerId name status createdAt }`, with
 * the same JSON as assetfed (status and createdAt normalised the same way, by hand here): the
 * global IDs, base64 of "<TypeName>:<provider id>", are decoded here too, and none of assetfed's
 * clients, loaders or schema is imported (only Uplynk's message signing, as the naive peer does).
 *
 * Apollo Server 4 reached end of life in January 2026 (Apollo Server 5 is current): the issue asks
 * for 4, and 4.13.0 is what this peer pins.
 */
const providers = JSON.parse(process.env.BENCH_PROVIDERS ?? '{}') as Required<ProviderConfigs>;

const typeDefs = /* GraphQL */ `
  interface Node { id: ID! }
  interface Asset implements Node { id: ID! provider: String! providerId: String! name: String status: String! createdAt: String }
  type UplynkAsset implements Node & Asset { id: ID! provider: String! providerId: String! name: String status: String! createdAt: String }
  type TwelveLabsAsset implements Node & Asset { id: ID! provider: String! providerId: String! name: String status: String! createdAt: String }
  type Query {
    asset(id: ID!): Asset
    nodes(ids: [ID!]!): [Node]!
  }
`;

type Typename = 'UplynkAsset' | 'TwelveLabsAsset';

interface AssetResult {
  __typename: Typename;
  id: string;
  provider: 'UPLYNK' | 'TWELVE_LABS';
  providerId: string;
  name: string | null;
  status: string;
  createdAt: string | null;
}

const encodeId = (typename: Typename, id: string) => Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');

function decodeId(globalId: string): { typename: Typename; id: string } {
  const text = Buffer.from(globalId, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  const typename = text.slice(0, colon);
  if (colon <= 0 || colon === text.length - 1 || (typename !== 'UplynkAsset' && typename !== 'TwelveLabsAsset')) {
    throw new GraphQLError(`${JSON.stringify(globalId)} is not a valid ID`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return { typename, id: text.slice(colon + 1) };
}

const notFound = (provider: 'UPLYNK' | 'TWELVE_LABS', label: string, id: string) =>
  new GraphQLError(`${label} asset ${JSON.stringify(id)} was not found`, { extensions: { code: 'NOT_FOUND', provider } });

function isoOrNull(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** RESTDataSource resolves paths against baseURL as URLs do: a relative path under a base ending in `/`. */
const base = (url: string) => (url.endsWith('/') ? url : `${url}/`);

interface UplynkWire {
  id: string;
  desc?: string | null;
  state?: string | null;
  created?: number | null;
  deleted?: number | null;
}

class UplynkAPI extends RESTDataSource {
  override baseURL = base(providers.UPLYNK.baseUrl);
  /** Uplynk's multi-get takes up to 1000 ids; one request's ids go out together. */
  private readonly loader = new DataLoader<string, AssetResult>((ids) => this.getMany(ids), { maxBatchSize: 1000 });

  asset(id: string): Promise<AssetResult> {
    return this.loader.load(id);
  }

  private async getMany(ids: readonly string[]): Promise<(AssetResult | Error)[]> {
    const { msg, sig } = signMessage({ ids }, providers.UPLYNK);
    const reply = await this.post<{ error?: number; msg?: string; assets?: UplynkWire[]; asset?: UplynkWire }>('api2/asset/get', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ msg, sig }).toString(),
    });
    if (reply.error !== 0) throw new GraphQLError(`Uplynk: ${reply.msg ?? 'error'}`, { extensions: { code: 'UPSTREAM_ERROR' } });
    // The list form's reply key is undocumented: `assets`, and `asset` accepted too.
    const found = new Map((reply.assets ?? (reply.asset ? [reply.asset] : [])).map((a) => [a.id, a]));
    return ids.map((id) => {
      const wire = found.get(id);
      if (!wire) return notFound('UPLYNK', 'Uplynk', id);
      return {
        __typename: 'UplynkAsset',
        id: encodeId('UplynkAsset', wire.id),
        provider: 'UPLYNK',
        providerId: wire.id,
        name: wire.desc ?? null,
        // A deletion time wins; `ready` is the only documented state, anything else is on its way.
        status: (wire.deleted ?? 0) > 0 ? 'DELETED' : wire.state === 'ready' ? 'READY' : 'PROCESSING',
        createdAt: typeof wire.created === 'number' ? isoOrNull(wire.created) : null,
      };
    });
  }
}

interface TwelveLabsWire {
  _id: string;
  filename?: string | null;
  status?: string | null;
  created_at?: string | null;
}

class TwelveLabsAPI extends RESTDataSource {
  override baseURL = base(providers.TWELVE_LABS.baseUrl);
  /** page_limit is at most 50, so a list call answers at most 50 ids. */
  private readonly loader = new DataLoader<string, AssetResult>((ids) => this.getMany(ids), { maxBatchSize: 50 });

  asset(id: string): Promise<AssetResult> {
    return this.loader.load(id);
  }

  /** No cross-request HTTP cache: nothing is stored whatever the headers say. */
  protected override cacheOptionsFor() {
    return { ttl: 0 };
  }

  private async getMany(ids: readonly string[]): Promise<(AssetResult | Error)[]> {
    // Array parameters are repeated keys, as the official SDKs send them.
    const params = new URLSearchParams([...ids.map((id): [string, string] => ['asset_ids', id]), ['page_limit', '50']]);
    const reply = await this.get<{ data?: TwelveLabsWire[] }>('assets', { params, headers: { 'x-api-key': providers.TWELVE_LABS.apiKey } });
    const found = new Map((reply.data ?? []).map((a) => [a._id, a]));
    return ids.map((id) => {
      const wire = found.get(id);
      if (!wire) return notFound('TWELVE_LABS', 'Twelve Labs', id);
      const status = wire.status?.toLowerCase();
      return {
        __typename: 'TwelveLabsAsset',
        id: encodeId('TwelveLabsAsset', wire._id),
        provider: 'TWELVE_LABS',
        providerId: wire._id,
        name: wire.filename ?? null,
        // `waiting` (legacy) and anything unknown are still processing.
        status: status === 'ready' ? 'READY' : status === 'failed' ? 'FAILED' : 'PROCESSING',
        createdAt: wire.created_at ? isoOrNull(Date.parse(wire.created_at)) : null,
      };
    });
  }
}

interface Context {
  dataSources: { uplynk: UplynkAPI; twelveLabs: TwelveLabsAPI };
}

function load(ctx: Context, globalId: string): Promise<AssetResult> {
  const { typename, id } = decodeId(globalId);
  return typename === 'UplynkAsset' ? ctx.dataSources.uplynk.asset(id) : ctx.dataSources.twelveLabs.asset(id);
}

const server = new ApolloServer<Context>({
  typeDefs,
  resolvers: {
    Query: {
      asset: (_root: unknown, { id }: { id: string }, ctx: Context) => load(ctx, id),
      // Each item through the request's loaders: one call per provider per batch of the request's ids.
      nodes: (_root: unknown, { ids }: { ids: string[] }, ctx: Context) => ids.map((id) => load(ctx, id)),
    },
    Node: { __resolveType: (node: AssetResult) => node.__typename },
    Asset: { __resolveType: (node: AssetResult) => node.__typename },
  },
  includeStacktraceInErrorResponses: false,
});

const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: '127.0.0.1' },
  // A fresh pair of data sources (and so of DataLoaders) per request, as Apollo's docs do it.
  context: async () => ({
    dataSources: { uplynk: new UplynkAPI({ cache: server.cache }), twelveLabs: new TwelveLabsAPI({ cache: server.cache }) },
  }),
});

serveRpc({
  ...profiling,
  memory,
  cpu,
  async stop() {
    await server.stop();
    exitSoon();
  },
});
// startStandaloneServer answers on every path; the bench posts to `${url}/graphql`.
announce({ url: url.replace(/\/$/, ''), pid: process.pid });
