import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayConfig } from '../../../deploy/gateway/gateway.config.js';
import { composeSupergraph, SUBGRAPH_SDL, SUPERGRAPH } from '../../../scripts/compose-supergraph.js';
import { postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';

/** compose.yaml's gateway: its supergraph file and its configuration, in front of a real assetfed. */
const ROOT = resolve(import.meta.dirname, '../../..');
const TOKEN = 'deployment-token';

let h: Harness;
let server: Server;
let runtime: ReturnType<typeof createGatewayRuntime>;
let endpoint: string;

beforeAll(async () => {
  h = await startHarness({ env: { API_TOKENS: TOKEN } });
  // The committed supergraph, pointed at this test's assetfed instead of compose's service name.
  const supergraph = (await readFile(resolve(ROOT, SUPERGRAPH), 'utf8')).replace('http://assetfed:4000/graphql', `${h.url}/graphql`);
  runtime = createGatewayRuntime({ ...gatewayConfig, supergraph, logging: false });
  server = createServer(runtime);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}${runtime.graphqlEndpoint}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await runtime?.dispose();
  await h?.stop();
});

describe("compose.yaml's Hive Gateway", () => {
  it('serves the supergraph composed from the committed SDL (run `npm run supergraph` when this fails)', async () => {
    const sdl = await readFile(resolve(ROOT, SUBGRAPH_SDL), 'utf8');
    expect(await readFile(resolve(ROOT, SUPERGRAPH), 'utf8')).toBe(composeSupergraph(sdl));
  });

  it("passes the caller's token through to assetfed", async () => {
    const res = await postGraphQL<{ providers: { provider: string }[] }>(endpoint, '{ providers { provider } }', {}, { authorization: `Bearer ${TOKEN}` });
    expect(res.errors).toBeUndefined();
    expect(res.data?.providers.map((p) => p.provider)).toEqual(['VIDEO_JUNGLE', 'UPLYNK', 'TWELVE_LABS', 'RUNWAY']);
  });

  it("and assetfed's refusal back without one", async () => {
    const res = await postGraphQL(endpoint, '{ providers { provider } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
