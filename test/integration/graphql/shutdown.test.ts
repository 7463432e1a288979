import { describe, expect, it } from 'vitest';
import { postGraphQL, startHarness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';
import { collect, sse, wsClient } from '../../helpers/ws.js';

describe('graceful shutdown', () => {
  it('finishes in-flight requests, closes websockets with 1001, ends SSE streams, then refuses new connections', async () => {
    const h = await startHarness({ env: { POLL_INTERVAL_MS: '200' } });
    h.sandbox.stores.TWELVE_LABS.uploadDelayMs = 120_000;
    const upload = await h.gql(`mutation { uploadAsset(input: { provider: TWELVE_LABS, url: "https://media.example/s.mp4" }) { asset { id } } }`);
    const watched = upload.data!.uploadAsset.asset.id;
    const client = wsClient(h.url);
    const watch = collect(client, `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { status } }`, { ids: [watched] });
    // Handled from the start: the end arrives while other things are awaited.
    const ended = watch.done.then(
      () => 'completed',
      (e: { code?: number; reason?: string }) => `closed ${e.code} ${e.reason}`,
    );
    const streamed = sse(`${h.url}/graphql`, `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { status } }`, { ids: [watched] });
    const [slowId] = await assetIds(h, 'UPLYNK', 1);
    h.sandbox.servers.UPLYNK.latencyMs = 400; // keeps the next query in flight while we stop

    const inFlight = h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: slowId });
    await new Promise((r) => setTimeout(r, 100));
    const stopped = h.app.stop();

    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.data!.asset.id).toBe(slowId);
    // The websocket closes "going away" (the client's cue to reconnect elsewhere); the SSE stream completes.
    expect(await ended).toBe('closed 1001 Going away');
    const stream = await streamed;
    expect(stream.results.map((r) => r.data.assetStatusChanged.status)).toEqual(['PROCESSING']);
    expect(stream.completed).toBe(true);
    await stopped;
    await expect(postGraphQL(`${h.url}/graphql`, '{ __typename }')).rejects.toThrow();
    await client.dispose();
    await h.sandbox.stop();
  });
});
