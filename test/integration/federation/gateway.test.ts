import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_SDL, startCatalog, type Catalog } from '../../helpers/catalog.js';
import { postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';

let h: Harness;
let catalog: Catalog;
let gatewayServer: Server;
let gatewayUrl: string;
let gateway: ReturnType<typeof createGatewayRuntime>;
let videos: string[];
let subgraphRequests = 0;

beforeAll(async () => {
  h = await startHarness();
  videos = [...(await assetIds(h, 'UPLYNK', 3)), ...(await assetIds(h, 'TWELVE_LABS', 2))];
  catalog = await startCatalog(videos);
  const sdl = (await h.gql(`{ _service { sdl } }`)).data!._service.sdl;
  const composed = composeServices([
    { name: 'assetfed', typeDefs: parse(sdl), url: `${h.url}/graphql` },
    { name: 'catalog', typeDefs: parse(CATALOG_SDL), url: catalog.url },
  ]);
  if (!composed.supergraphSdl) throw new Error(`composition failed: ${composed.errors?.map((e) => e.message).join('; ')}`);
  gateway = createGatewayRuntime({ supergraph: composed.supergraphSdl, logging: false });
  gatewayServer = createServer(gateway);
  await new Promise<void>((r) => gatewayServer.listen(0, '127.0.0.1', r));
  gatewayUrl = `http://127.0.0.1:${(gatewayServer.address() as AddressInfo).port}/graphql`;
  h.app.server.on('request', () => subgraphRequests++);
}, 60_000);

afterAll(async () => {
  await new Promise<void>((r) => gatewayServer.close(() => r()));
  await gateway.dispose();
  await catalog.stop();
  await h.stop();
});

describe('through Hive Gateway over the composed supergraph', () => {
  it("resolves the catalog's episodes' assets from assetfed in one subgraph call and one upstream call per provider", async () => {
    h.sandbox.resetCounters();
    subgraphRequests = 0;
    const res = await postGraphQL<any>(
      gatewayUrl,
      `{ episodes { title video { id provider name status ... on UplynkAsset { externalId } usedBy { title } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.episodes).toHaveLength(5);
    expect(res.data.episodes.map((e: any) => e.video.id)).toEqual(videos);
    expect(res.data.episodes.map((e: any) => e.video.provider)).toEqual(['UPLYNK', 'UPLYNK', 'UPLYNK', 'TWELVE_LABS', 'TWELVE_LABS']);
    expect(res.data.episodes[0].video.usedBy).toEqual([{ title: 'Episode 1' }]);
    expect(subgraphRequests).toBe(1);
    expect(h.sandbox.servers.UPLYNK.calls()).toBe(1);
    expect(h.sandbox.servers.TWELVE_LABS.calls()).toBe(1);
  });

  it("serves assetfed's own root fields through the gateway", async () => {
    const res = await postGraphQL<any>(gatewayUrl, `{ providers { provider enabled } assets(provider: RUNWAY, first: 2) { nodes { id name } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.providers).toHaveLength(4);
    expect(res.data.assets.nodes).toHaveLength(2);
  });

  it("passes assetfed's coded errors through", async () => {
    const res = await postGraphQL<any>(gatewayUrl, `{ asset(id: "garbage") { id } }`);
    expect(res.data.asset).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
