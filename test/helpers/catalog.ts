import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

/**
 * A second subgraph for federation tests: a catalog whose episodes reference assetfed's assets by
 * global ID, through the `Asset` entity interface (`@interfaceObject`), without knowing providers.
 */
export const CATALOG_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@interfaceObject"])

  type Query {
    episodes: [Episode!]!
  }

  type Episode @key(fields: "id") {
    id: ID!
    title: String!
    video: Asset
  }

  type Asset @key(fields: "id") @interfaceObject {
    id: ID!
    "Episodes that use this asset: the catalog's own field on assetfed's entity."
    usedBy: [Episode!]!
  }
`;

export interface Catalog {
  url: string;
  stop(): Promise<void>;
}

/** Serves the catalog with one episode per asset ID given. */
export async function startCatalog(assetIds: string[]): Promise<Catalog> {
  const episodes = assetIds.map((id, i) => ({ id: `ep-${i + 1}`, title: `Episode ${i + 1}`, video: { id } }));
  const schema = buildSubgraphSchema({
    typeDefs: parse(CATALOG_SDL),
    resolvers: {
      Query: { episodes: () => episodes },
      Episode: { __resolveReference: (ref: { id: string }) => episodes.find((e) => e.id === ref.id) },
      Asset: {
        __resolveReference: (ref: { id: string }) => ref,
        usedBy: (asset: { id: string }) => episodes.filter((e) => e.video.id === asset.id),
      },
    } as never,
  });
  const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', logging: false });
  const server: Server = createServer(yoga);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
