import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../../helpers/gateway.js';
import { postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';

let h: Harness;
let gw: Gateway;
let gatewayUrl: string;
let videos: string[];
let subgraphRequests = 0;

beforeAll(async () => {
  h = await startHarness();
  videos = [...(await assetIds(h, 'UPLYNK', 3)), ...(await assetIds(h, 'TWELVE_LABS', 2))];
  gw = await startGateway(h, { catalogAssets: videos });
  gatewayUrl = gw.endpoint;
  h.app.server.on('request', () => subgraphRequests++);
}, 60_000);

afterAll(async () => {
  await gw.stop();
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
