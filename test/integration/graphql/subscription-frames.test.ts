import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { waitFor } from '../../helpers/wait.js';

/**
 * Events after a subscription's first are written to the socket from one serialisation shared by
 * every subscriber of the same document and variables (src/plugins/use-shared-event-execution.ts,
 * src/server/ws.ts). What a client reads must not change: the bytes graphql-ws itself would send,
 * each subscription's events in order, its completion after them, nothing after a client's complete.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { POLL_INTERVAL_MS: '100' } });
  h.sandbox.stores.TWELVE_LABS.uploadDelayMs = 900;
});
afterAll(() => h.stop());

const WATCH = `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id status } }`;
const WATCH_SIZE = `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id status sizeBytes } }`;

type Message = { id?: string; type: string; payload?: any };

/** A graphql-transport-ws socket kept raw: every text frame the server sent, exactly as received. */
async function rawSocket(url: string) {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const frames: string[] = [];
  socket.on('message', (data) => frames.push(String(data)));
  await once(socket, 'open');
  const send = (message: Message) => socket.send(JSON.stringify(message));
  send({ type: 'connection_init', payload: {} });
  await waitFor(async () => (frames.some((f) => (JSON.parse(f) as Message).type === 'connection_ack') ? true : undefined), 5_000, 10);
  return {
    send,
    /** The frames of one subscription, raw. */
    framesOf: (id: string) => frames.filter((f) => (JSON.parse(f) as Message).id === id),
    close: () => socket.close(),
  };
}

async function processingAsset(): Promise<string> {
  const result = await h.gql(`mutation { uploadAsset(input: { provider: TWELVE_LABS, url: "https://media.example/frames.mp4" }) { asset { id status } } }`);
  expect(result.data!.uploadAsset.asset.status).toBe('PROCESSING');
  return result.data!.uploadAsset.asset.id;
}

describe('subscription frames after the first', () => {
  it('are the bytes graphql-ws would send, in order before each completion, per document and variables', async () => {
    const asset = await processingAsset();
    const client = await rawSocket(h.url);
    const plain = Array.from({ length: 30 }, (_, i) => `plain-${i}`);
    const withSize = Array.from({ length: 10 }, (_, i) => `size-${i}`);
    for (const id of plain) client.send({ id, type: 'subscribe', payload: { query: WATCH, variables: { ids: [asset] } } });
    for (const id of withSize) client.send({ id, type: 'subscribe', payload: { query: WATCH_SIZE, variables: { ids: [asset] } } });
    // One leaves after its first event: nothing may reach it after its complete.
    client.send({ id: 'leaver', type: 'subscribe', payload: { query: WATCH, variables: { ids: [asset] } } });
    await waitFor(async () => (client.framesOf('leaver').length > 0 ? true : undefined), 5_000, 10);
    client.send({ id: 'leaver', type: 'complete' });

    const all = [...plain, ...withSize];
    await waitFor(async () => (all.every((id) => client.framesOf(id).length === 3) ? true : undefined), 10_000, 20);
    const ready = await h.gql(`query($id: ID!) { node(id: $id) { ... on Asset { sizeBytes } } }`, { id: asset });
    const sizeBytes = ready.data!.node.sizeBytes as number;
    expect(sizeBytes).toEqual(expect.any(Number));

    for (const id of all) {
      const [first, second, last] = client.framesOf(id);
      const opening = JSON.parse(first!) as Message;
      // The first event takes the pipeline: it carries the subscription's cost.
      expect(opening).toMatchObject({ id, type: 'next', payload: { data: { assetStatusChanged: { id: asset, status: 'PROCESSING' } } } });
      expect(opening.payload.extensions.cost).toMatchObject({ requestedQueryCost: 1 });
      const fields = id.startsWith('size') ? { id: asset, status: 'READY', sizeBytes } : { id: asset, status: 'READY' };
      expect(second).toBe(JSON.stringify({ id, type: 'next', payload: { data: { assetStatusChanged: fields } } }));
      expect(last).toBe(JSON.stringify({ id, type: 'complete' }));
    }
    expect(client.framesOf('leaver')).toHaveLength(1);
    client.close();
  });
});
