import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway, type GatewayOptions } from '../../helpers/gateway.js';
import { postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';
import { waitFor } from '../../helpers/wait.js';
import { collect, sse, wsClient } from '../../helpers/ws.js';

/**
 * `assetStatusChanged` through Hive Gateway: the client speaks SSE or graphql-ws to the gateway, and
 * the gateway subscribes to assetfed over SSE (its HTTP transport's default) or graphql-ws (with
 * @graphql-mesh/transport-ws). Twelve Labs uploads stay PROCESSING until a test settles them, so
 * every subscription sees PROCESSING first and READY after, whatever the gateway's setup latency.
 */

let h: Harness;
/** Event-stream requests assetfed received during the current test. */
let sseRequests = 0;
/** Websocket upgrades assetfed received since the harness started. */
let upgrades = 0;

beforeAll(async () => {
  h = await startHarness({ env: { POLL_INTERVAL_MS: '100' } });
  // Long enough never to settle on its own during a test; tests call settleAt instead.
  h.sandbox.stores.TWELVE_LABS.uploadDelayMs = 60_000;
  h.app.server.on('request', (req: IncomingMessage) => {
    if (req.headers.accept?.includes('text/event-stream')) sseRequests++;
  });
  h.app.server.on('upgrade', () => upgrades++);
});
afterAll(() => h.stop());
beforeEach(() => {
  sseRequests = 0;
});

const WATCH = `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id status ... on TwelveLabsAsset { filename } } }`;
const UPLOAD_URL = `mutation($name: String!) { uploadAsset(input: { provider: TWELVE_LABS, url: "https://media.example.com/clip.mp4", filename: $name }) {
  asset { id status } userErrors { code message } } }`;

/** Settles a Twelve Labs upload now: its next poll reads ready. */
function settle(id: string): void {
  const [, rawId] = Buffer.from(id, 'base64').toString().split(':');
  h.sandbox.stores.TWELVE_LABS.settleAt(rawId!, Date.now());
}

describe.each<{ subgraph: string; expected: string; options: GatewayOptions }>([
  { subgraph: 'SSE, the HTTP transport default', expected: 'sse', options: {} },
  {
    subgraph: 'graphql-ws (transportEntries, @graphql-mesh/transport-ws)',
    expected: 'ws',
    options: { config: { transportEntries: { assetfed: { options: { subscriptions: { kind: 'ws', location: '/graphql' } } } } } },
  },
])('through Hive Gateway, gateway → assetfed over $subgraph', ({ expected, options }) => {
  let gw: Gateway;
  let upgradesBefore: number;
  /** A PROCESSING asset an episode of the catalog uses, created before the catalog starts. */
  let episodeAsset: string;

  beforeAll(async () => {
    const created = await h.gql(UPLOAD_URL, { name: 'episode.mp4' });
    episodeAsset = created.data!.uploadAsset.asset.id;
    upgradesBefore = upgrades;
    gw = await startGateway(h, { ...options, catalogAssets: [episodeAsset] });
  });
  afterAll(() => gw.stop());

  /**
   * Which transport carried the test's subscription to assetfed. Over SSE each subscription is one
   * event-stream request; over graphql-ws the gateway keeps a socket and multiplexes subscriptions on
   * it, so there is no per-subscription upgrade to count, only that a socket was opened and no SSE.
   */
  function expectSubgraphTransport(): void {
    if (expected === 'sse') {
      expect(sseRequests).toBe(1);
      expect(upgrades).toBe(upgradesBefore);
    } else {
      expect(sseRequests).toBe(0);
      expect(upgrades).toBeGreaterThan(upgradesBefore);
    }
  }

  /** An upload created through the gateway (a plain JSON mutation), PROCESSING until settled. */
  async function uploadThroughGateway(name: string): Promise<string> {
    const res = await postGraphQL<any>(gw.endpoint, UPLOAD_URL, { name });
    expect(res.errors).toBeUndefined();
    expect(res.data.uploadAsset.asset.status).toBe('PROCESSING');
    return res.data.uploadAsset.asset.id;
  }

  it('client over SSE: PROCESSING, then READY, then complete', async () => {
    const id = await uploadThroughGateway('sse.mp4');
    const { results, completed, contentType } = await sse(gw.endpoint, WATCH, { ids: [id] }, () => settle(id));
    expect(contentType).toMatch(/^text\/event-stream/);
    expect(results.map((r) => r.data.assetStatusChanged.status)).toEqual(['PROCESSING', 'READY']);
    expect(results[1].data.assetStatusChanged).toEqual({ id, status: 'READY', filename: 'sse.mp4' });
    expect(completed).toBe(true);
    expectSubgraphTransport();
  });

  it('client over graphql-ws: PROCESSING, then READY, then complete', async () => {
    const id = await uploadThroughGateway('ws.mp4');
    const client = wsClient(gw.url);
    const watch = collect(client, WATCH, { ids: [id] });
    await waitFor(async () => (watch.events.length > 0 ? true : undefined));
    settle(id);
    // `done` resolves on the server's complete message only (an error rejects it).
    const events = await watch.done;
    await client.dispose();
    expect(events.map((e) => e.data.assetStatusChanged.status)).toEqual(['PROCESSING', 'READY']);
    expect(events[1]!.data.assetStatusChanged).toEqual({ id, status: 'READY', filename: 'ws.mp4' });
    expectSubgraphTransport();
  });

  it("selects the catalog's field on the Asset entity inside each event (the gateway fetches it per event)", async () => {
    const client = wsClient(gw.url);
    const watch = collect(client, `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id status usedBy { id title } } }`, { ids: [episodeAsset] });
    await waitFor(async () => (watch.events.length > 0 ? true : undefined));
    settle(episodeAsset);
    const events = await watch.done;
    await client.dispose();
    expect(events.map((e) => e.errors)).toEqual([undefined, undefined]);
    expect(events.map((e) => e.data.assetStatusChanged)).toEqual([
      { id: episodeAsset, status: 'PROCESSING', usedBy: [{ id: 'ep-1', title: 'Episode 1' }] },
      { id: episodeAsset, status: 'READY', usedBy: [{ id: 'ep-1', title: 'Episode 1' }] },
    ]);
    expectSubgraphTransport();
  });

  it("passes assetfed's coded error for a bad ID through, then completes", async () => {
    const { results, completed, contentType } = await sse(gw.endpoint, WATCH, { ids: ['garbage'] });
    expect(contentType).toMatch(/^text\/event-stream/);
    expect(results).toHaveLength(1);
    expect(results[0].errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(completed).toBe(true);
  });
});
