import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';
import { collect, wsClient } from '../../helpers/ws.js';

// Nothing listens on port 1: every Redis command fails after the client's two reconnection attempts.
const UNREACHABLE = 'redis://127.0.0.1:1';
const WATCH = `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { id status } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { REDIS_URL: UNREACHABLE } });
});
afterAll(() => h.stop());

describe('live updates while Redis is unreachable', () => {
  it('refuses the subscription with SERVICE_UNAVAILABLE; queries still answer', async () => {
    const [id] = await assetIds(h, 'TWELVE_LABS', 1);
    const client = wsClient(h.url);
    const outcome = await collect(client, WATCH, { ids: [id] }).done.then(
      (events) => events.flatMap((e) => e.errors ?? []),
      (errors: unknown) => errors,
    );
    await client.dispose();
    expect(outcome).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) })]);
    expect(JSON.stringify(outcome)).not.toContain('127.0.0.1');
    const res = await h.gql(`query($id: ID!) { asset(id: $id) { status } }`, { id });
    expect(res.data?.asset?.status).toBeDefined();
  });
});
