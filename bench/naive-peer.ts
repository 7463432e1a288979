import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { request } from 'undici';
import type { ProviderConfigs } from '../src/config/index.js';
import { signMessage } from '../src/providers/uplynk/sign.js';
import { announce, cpu, exitSoon, memory, profiling, serveRpc } from './processes/rpc.js';

/**
 * THE NAIVE PEER (bench case "naive"): not assetfed. What a straightforward GraphQL layer over the same
 * providers looks like without DataLoader: `nodes` resolves each id on its own, one provider call per
 * id (Uplynk's single `get`, Twelve Labs' GET /assets/{id}), all at once, with no batching and no
 * bound on calls in flight. Same query text, same sandbox, same latency: the difference is batching.
 */
const providers = JSON.parse(process.env.BENCH_PROVIDERS ?? '{}') as Required<ProviderConfigs>;

async function fetchOne(typename: string, id: string): Promise<{ id: string; status: string }> {
  if (typename === 'UplynkAsset') {
    const { msg, sig } = signMessage({ id }, providers.UPLYNK);
    const res = await request(`${providers.UPLYNK.baseUrl}/api2/asset/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ msg, sig }).toString(),
    });
    const body = (await res.body.json()) as { asset?: { state?: string } };
    return { id, status: body.asset?.state === 'ready' ? 'READY' : 'PROCESSING' };
  }
  const res = await request(`${providers.TWELVE_LABS.baseUrl}/assets/${encodeURIComponent(id)}`, {
    headers: { 'x-api-key': providers.TWELVE_LABS.apiKey },
  });
  const body = (await res.body.json()) as { status?: string };
  return { id, status: String(body.status ?? 'unknown').toUpperCase() };
}

const yoga = createYoga({
  landingPage: false,
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      interface Node { id: ID! }
      interface Asset implements Node { id: ID! status: String! }
      type UplynkAsset implements Node & Asset { id: ID! status: String! }
      type TwelveLabsAsset implements Node & Asset { id: ID! status: String! }
      type Query { nodes(ids: [ID!]!): [Node]! }
    `,
    resolvers: {
      Query: {
        // Resolver per item: each id is its own upstream call, started as soon as it is seen.
        nodes: (_root: unknown, { ids }: { ids: string[] }) =>
          ids.map(async (globalId) => {
            const [typename = '', id = ''] = Buffer.from(globalId, 'base64').toString('utf8').split(':');
            const asset = await fetchOne(typename, id);
            return { ...asset, id: globalId, __typename: typename };
          }),
      },
      Node: { __resolveType: (node: { __typename: string }) => node.__typename },
      Asset: { __resolveType: (node: { __typename: string }) => node.__typename },
    },
  }),
});

const server = createServer(yoga);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
serveRpc({
  ...profiling,
  memory,
  cpu,
  stop() {
    server.close();
    server.closeAllConnections();
    exitSoon();
  },
});
announce({ url: `http://127.0.0.1:${port}`, pid: process.pid });
