import { once } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { globalId, startHarness, type Harness } from '../../helpers/harness.js';
import { postMultipart } from '../../helpers/multipart.js';
import { collect, sse, wsClient } from '../../helpers/ws.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { POLL_INTERVAL_MS: '150' } });
  h.sandbox.stores.TWELVE_LABS.uploadDelayMs = 900;
});
beforeEach(() => h.sandbox.resetCounters());
afterAll(() => h.stop());

const WATCH = `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id status ... on TwelveLabsAsset { filename } } }`;

async function uploadTwelveLabs(name: string): Promise<string> {
  const file = new File([new Uint8Array(1024)], name, { type: 'video/mp4' });
  const { body } = await postMultipart(
    `${h.url}/graphql`,
    {
      query: `mutation($input: UploadAssetInput!) { uploadAsset(input: $input) { asset { id status } } }`,
      variables: { input: { provider: 'TWELVE_LABS', file: null } },
    },
    { 0: { path: 'variables.input.file', file } },
  );
  expect(body.data.uploadAsset.asset.status).toBe('PROCESSING');
  return body.data.uploadAsset.asset.id;
}

describe('assetStatusChanged', () => {
  it('over graphql-ws: PROCESSING, then READY, then completion', async () => {
    const id = await uploadTwelveLabs('live.mp4');
    const client = wsClient(h.url);
    const events = await collect(client, WATCH, { ids: [id] }).done;
    await client.dispose();
    expect(events.map((e) => e.data.assetStatusChanged.status)).toEqual(['PROCESSING', 'READY']);
    expect(events[1]!.data.assetStatusChanged).toMatchObject({ id, filename: 'live.mp4' });
  });

  it('over SSE: the same events, then completion', async () => {
    const id = await uploadTwelveLabs('sse.mp4');
    const { results, completed } = await sse(`${h.url}/graphql`, WATCH, { ids: [id] });
    expect(completed).toBe(true);
    expect(results.map((r) => r.data.assetStatusChanged.status)).toEqual(['PROCESSING', 'READY']);
  });

  it('completes at once for assets that are already terminal', async () => {
    const assets = await h.gql(`{ assets(provider: RUNWAY, first: 2) { nodes { id } } }`);
    const ids = assets.data!.assets.nodes.map((n: any) => n.id);
    const client = wsClient(h.url);
    const events = await collect(client, `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id status } }`, { ids }).done;
    await client.dispose();
    expect(events.map((e) => e.data.assetStatusChanged)).toEqual(ids.map((id: string) => ({ id, status: 'READY' })));
  });

  // A failure after subscribe returned (the initial read, a replay's limit) ends the stream the same way.
  it('ends a watch of an asset that does not exist with a coded NOT_FOUND, over graphql-ws and SSE', async () => {
    const ids = [globalId('UplynkAsset', 'no-such-asset-0000')];
    const client = wsClient(h.url);
    // graphql-ws: an `error` message (the operation ends), carrying the coded errors.
    const wsErrors = await collect(client, WATCH, { ids }).done.then(
      () => [],
      (errors: unknown) => errors as any[],
    );
    await client.dispose();
    const { results } = await sse(`${h.url}/graphql`, WATCH, { ids });
    expect(results).toHaveLength(1);
    for (const errors of [wsErrors, results[0].errors]) {
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ message: 'Uplynk asset "no-such-asset-0000" was not found', extensions: { code: 'NOT_FOUND', provider: 'UPLYNK' } });
    }
  });

  it('refuses a bad ID with a coded error', async () => {
    const client = wsClient(h.url);
    const events = await collect(client, WATCH, { ids: ['garbage'] }).done;
    await client.dispose();
    expect((events[0]!.errors![0] as any).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a mutation publishes at once: an update reaches watchers without waiting for a poll', async () => {
    const id = await uploadTwelveLabs('update.mp4');
    const client = wsClient(h.url);
    const watch = collect(client, `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id status ... on TwelveLabsAsset { userMetadata } } }`, {
      ids: [id],
    });
    await waitForEvents(watch.events, 1);
    await h.gql(`mutation($id: ID!) { deleteAssets(input: { ids: [$id] }) { deletedIds } }`, { id });
    const events = await watch.done;
    await client.dispose();
    expect(events.at(-1)!.data.assetStatusChanged.status).toBe('DELETED');
  });
});

describe('graphql-ws protocol (PROTOCOL.md)', () => {
  const socket = async () => {
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await once(ws, 'open');
    return ws;
  };
  const closeCode = async (ws: WebSocket) => (await once(ws, 'close'))[0] as number;

  it('closes 4401 on a subscribe before connection_init', async () => {
    const ws = await socket();
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } }));
    expect(await closeCode(ws)).toBe(4401);
  });

  it('closes 4400 on an invalid message', async () => {
    const ws = await socket();
    ws.send('{ not json');
    expect(await closeCode(ws)).toBe(4400);
  });

  it('closes 4409 on a duplicate subscription id', async () => {
    const ws = await socket();
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await once(ws, 'message');
    const id = globalId('TwelveLabsAsset', h.sandbox.stores.TWELVE_LABS.ids()[0]!);
    const subscribe = JSON.stringify({
      id: 'same',
      type: 'subscribe',
      payload: { query: WATCH.replace('$ids: [ID!]!', '').replace('ids: $ids', `ids: ["${id}"]`) },
    });
    ws.send(JSON.stringify({ id: 'same', type: 'subscribe', payload: { query: `subscription { assetChanges { at } }` } }));
    ws.send(subscribe);
    expect(await closeCode(ws)).toBe(4409);
  });
});

async function waitForEvents(events: unknown[], count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (events.length < count) {
    if (Date.now() > deadline) throw new Error('no event');
    await new Promise((r) => setTimeout(r, 20));
  }
}
