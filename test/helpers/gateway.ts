import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, getGraphQLWSOptions, type GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { CATALOG_SDL, startCatalog, type Catalog } from './catalog.js';
import type { Harness } from './harness.js';

export interface Gateway {
  /** Base URL (http://host:port); the gateway serves GraphQL on `${url}/graphql`. */
  url: string;
  endpoint: string;
  catalog: Catalog;
  runtime: ReturnType<typeof createGatewayRuntime>;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  /** Asset IDs the catalog's episodes reference, one episode each. */
  catalogAssets?: string[];
  /**
   * More gateway configuration, as in gateway.config.ts: `transportEntries` (subscriptions over
   * graphql-ws), `multipart` (file uploads, off by default), `propagateHeaders`.
   */
  config?: Omit<GatewayConfigSupergraph, 'supergraph'>;
}

/**
 * Hive Gateway in-process over a supergraph composed from assetfed's own `_service { sdl }` and the
 * test catalog, on a free port. graphql-ws is served on the same endpoint the way the Hive Gateway
 * CLI does it (`getGraphQLWSOptions` over a `ws` server), since the runtime alone only speaks HTTP.
 */
export async function startGateway(h: Harness, options: GatewayOptions = {}): Promise<Gateway> {
  const catalog = await startCatalog(options.catalogAssets ?? []);
  const sdl = (await h.gql(`{ _service { sdl } }`)).data!._service.sdl;
  const composed = composeServices([
    { name: 'assetfed', typeDefs: parse(sdl), url: `${h.url}/graphql` },
    { name: 'catalog', typeDefs: parse(CATALOG_SDL), url: catalog.url },
  ]);
  if (!composed.supergraphSdl) throw new Error(`composition failed: ${composed.errors?.map((e) => e.message).join('; ')}`);
  const runtime = createGatewayRuntime({
    supergraph: composed.supergraphSdl,
    logging: false,
    ...options.config,
  });
  const server: Server = createServer(runtime);
  const wss = new WebSocketServer({ server, path: runtime.graphqlEndpoint });
  const ws = useServer(
    getGraphQLWSOptions<Record<string, any>, Extra>(runtime, (ctx) => ({ req: ctx.extra?.request, socket: ctx.extra?.socket })),
    wss,
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    endpoint: `${url}${runtime.graphqlEndpoint}`,
    catalog,
    runtime,
    async stop() {
      await ws.dispose();
      await new Promise<void>((r) => wss.close(() => r()));
      // Streams (SSE) held open by a failed test would keep close() waiting forever.
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await runtime.dispose();
      await catalog.stop();
    },
  };
}
