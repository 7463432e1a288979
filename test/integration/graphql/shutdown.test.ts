import { describe, expect, it } from 'vitest';
import { postGraphQL, startHarness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';
import { collect, wsClient } from '../../helpers/ws.js';

describe('graceful shutdown', () => {
  it('finishes in-flight requests, completes subscriptions, then refuses new connections', async () => {
    const h = await startHarness({ env: { POLL_INTERVAL_MS: '200' } });
    h.sandbox.stores.twelveLabs.uploadDelayMs = 120_000;
    const upload = await h.gql(`mutation { uploadAsset(input: { provider: TWELVE_LABS, url: "https://media.example/s.mp4" }) { asset { id } } }`);
    const watched = upload.data!.uploadAsset.asset.id;
    const client = wsClient(h.url);
    const watch = collect(client, `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { status } }`, { ids: [watched] });
    // Handled from the start: the end arrives while other things are awaited.
    const ended = watch.done.then(() => 'completed', (e: { code?: number }) => `closed ${e.code}`);
    const [slowId] = await assetIds(h, 'UPLYNK', 1);
    h.sandbox.servers.UPLYNK.latencyMs = 400; // keeps the next query in flight while we stop

    const inFlight = h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: slowId });
    await new Promise((r) => setTimeout(r, 100));
    const stopped = h.app.stop();

    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.data!.asset.id).toBe(slowId);
    // The subscription ends (the socket closes "going away") rather than hanging.
    const outcome = await ended;
    expect(outcome).toMatch(/completed|closed 1001/);
    await stopped;
    await expect(postGraphQL(`${h.url}/graphql`, '{ __typename }')).rejects.toThrow();
    await client.dispose();
    await h.sandbox.stop();
  });
});
