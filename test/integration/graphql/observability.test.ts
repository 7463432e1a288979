import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/observability/logger.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { captureLines } from '../../helpers/capture.js';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';

const TOKEN = 'observability-caller-token-91c2';
const logs = captureLines();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    env: { API_TOKENS: TOKEN, UPSTREAM_TIMEOUT_MS: '300', UPSTREAM_BREAKER_FAILURES: '1', UPSTREAM_BREAKER_COOLDOWN_MS: '60000' },
    token: TOKEN,
    logger: createLogger('debug', logs),
  });
});
afterAll(() => h.stop());

describe('observability', () => {
  it('gives every request an id, echoed in the response, and logs one line for it', async () => {
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'x-request-id': 'req-abc-123' },
      body: JSON.stringify({ query: 'query Providers { providers { provider } }', operationName: 'Providers' }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
    const line = logs.records().find((r) => r.requestId === 'req-abc-123' && r.operationName === 'Providers');
    expect(line).toBeDefined();
  });

  it('serves Prometheus metrics with per-provider upstream calls', async () => {
    const [id] = await assetIds(h, 'UPLYNK', 1);
    await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id });
    const text = await (await fetch(`${h.url}/metrics`)).text();
    expect(text).toMatch(/assetfed_upstream_calls_total\{provider="UPLYNK",endpoint="POST \/api2\/asset\/get",outcome="success"\} \d+/);
    expect(text).toMatch(/assetfed_upstream_breaker_state\{provider="TWELVE_LABS"\} 0/);
    expect(text).toMatch(
      /assetfed_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200",operation_type="query",operation_name="anonymous"\} \d+/,
    );
  });

  it('reports readiness from the breakers: degraded (503) while one is open', async () => {
    expect((await fetch(`${h.url}/ready`)).status).toBe(200);
    const [tl] = await assetIds(h, 'TWELVE_LABS', 1);
    h.sandbox.servers.TWELVE_LABS.faults.always({ type: 'hang' });
    try {
      await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: tl });
      const ready = await fetch(`${h.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'degraded', providers: { TWELVE_LABS: { breaker: 'open' } } });
    } finally {
      h.sandbox.clearFaults();
    }
  });

  it('never writes a configured secret to the logs, even at debug', async () => {
    const secrets = [
      TOKEN,
      SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey,
      SANDBOX_CREDENTIALS.UPLYNK.apiKey,
      SANDBOX_CREDENTIALS.TWELVE_LABS.apiKey,
      SANDBOX_CREDENTIALS.RUNWAY.token,
    ];
    await h.gql(`{ assets(first: 40) { nodes { id } } }`);
    await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}x`, 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    const text = logs.text();
    expect(text.length).toBeGreaterThan(1000);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
