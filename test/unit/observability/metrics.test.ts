import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { LiveStats } from '../../../src/live/index.js';
import { createLogger } from '../../../src/observability/logger.js';
import { createMetrics, createRequestLogging, upstreamObservers, type HealthSource } from '../../../src/observability/index.js';
import type { ProviderHealth } from '../../../src/providers/guard/guard.js';
import { captureLines } from '../../helpers/capture.js';

const healthy = (breaker: ProviderHealth['breaker'] = 'closed', queued = 0): ProviderHealth => ({
  breaker,
  rateLimitedUntil: null,
  queued,
  consecutiveFailures: 0,
});

function fixture() {
  let health: ReturnType<HealthSource> = { UPLYNK: healthy(), TWELVE_LABS: healthy() };
  const stats: LiveStats = { watchedAssets: 3, subscribers: 5, polling: ['UPLYNK'] };
  const metrics = createMetrics({ health: () => health, live: () => stats, processMetrics: false });
  return { metrics, stats, setHealth: (h: typeof health) => (health = h) };
}

describe('metrics', () => {
  it('exposes upstream calls, latency, errors, waits, refusals, holds and breaker state', async () => {
    const { metrics } = fixture();
    metrics.onCall({ provider: 'UPLYNK', endpoint: 'POST /api2/asset/get', status: 200, durationMs: 42, attempt: 0, error: null });
    metrics.onCall({ provider: 'UPLYNK', endpoint: 'POST /api2/asset/get', status: 503, durationMs: 8, attempt: 1, error: 'UNAVAILABLE' });
    metrics.onCall({ provider: 'TWELVE_LABS', endpoint: 'GET /indexes/{id}', status: null, durationMs: 10_000, attempt: 0, error: 'UNAVAILABLE' });
    metrics.onGuard('UPLYNK', { type: 'wait', waitedMs: 120 });
    metrics.onGuard('UPLYNK', { type: 'refused', reason: 'rate-limited' });
    metrics.onGuard('TWELVE_LABS', { type: 'refused', reason: 'circuit-open' });
    metrics.onGuard('UPLYNK', { type: 'retry-after', holdMs: 1000 });
    metrics.onGuard('RUNWAY', { type: 'breaker', state: 'open' });
    const text = await metrics.registry.metrics();

    expect(text).toContain('assetfed_upstream_calls_total{provider="UPLYNK",endpoint="POST /api2/asset/get",outcome="success"} 1');
    expect(text).toContain('assetfed_upstream_calls_total{provider="UPLYNK",endpoint="POST /api2/asset/get",outcome="UNAVAILABLE"} 1');
    expect(text).toContain('assetfed_upstream_call_duration_seconds_count{provider="UPLYNK",endpoint="POST /api2/asset/get"} 2');
    expect(text).toContain('assetfed_upstream_call_duration_seconds_bucket{le="0.05",provider="UPLYNK",endpoint="POST /api2/asset/get"} 2');
    expect(text).toContain('assetfed_upstream_call_duration_seconds_bucket{le="5",provider="TWELVE_LABS",endpoint="GET /indexes/{id}"} 0');
    expect(text).toContain('assetfed_upstream_errors_total{provider="UPLYNK",kind="UNAVAILABLE"} 1');
    expect(text).toContain('assetfed_upstream_errors_total{provider="TWELVE_LABS",kind="UNAVAILABLE"} 1');
    expect(text).toContain('assetfed_upstream_rate_limit_wait_seconds_sum{provider="UPLYNK"} 0.12');
    expect(text).toContain('assetfed_upstream_refused_total{provider="UPLYNK",reason="rate-limited"} 1');
    expect(text).toContain('assetfed_upstream_refused_total{provider="TWELVE_LABS",reason="circuit-open"} 1');
    expect(text).toContain('assetfed_upstream_retry_after_total{provider="UPLYNK"} 1');
    expect(text).toContain('assetfed_upstream_breaker_transitions_total{provider="RUNWAY",state="open"} 1');
    // From the event (RUNWAY) and from the guards' own state read on scrape (the others).
    expect(text).toContain('assetfed_upstream_breaker_state{provider="RUNWAY"} 2');
    expect(text).toContain('assetfed_upstream_breaker_state{provider="UPLYNK"} 0');
  });

  it('reads breaker state, queues and live watches on every scrape', async () => {
    const { metrics, stats, setHealth } = fixture();
    setHealth({ UPLYNK: healthy('half-open', 4), TWELVE_LABS: healthy('open') });
    let text = await metrics.registry.metrics();
    expect(text).toContain('assetfed_upstream_breaker_state{provider="UPLYNK"} 1');
    expect(text).toContain('assetfed_upstream_breaker_state{provider="TWELVE_LABS"} 2');
    expect(text).toContain('assetfed_upstream_queued{provider="UPLYNK"} 4');
    expect(text).toContain('assetfed_live_watched_assets 3');
    expect(text).toContain('assetfed_live_subscribers 5');
    expect(text).toContain('assetfed_live_polling{provider="UPLYNK"} 1');
    expect(text).toContain('assetfed_live_polling{provider="TWELVE_LABS"} 0');
    stats.watchedAssets = 0;
    stats.polling = [];
    text = await metrics.registry.metrics();
    expect(text).toContain('assetfed_live_watched_assets 0');
    expect(text).toContain('assetfed_live_polling{provider="UPLYNK"} 0');
  });

  it('serves /metrics through yoga with the request series from the request log, one registry per app', async () => {
    const apps = [fixture(), fixture()].map(({ metrics }) => {
      const logging = createRequestLogging(createLogger('silent'), { onCompleted: metrics.onRequest });
      return {
        metrics,
        yoga: createYoga({
          schema: createSchema({
            typeDefs: 'type Query { hello: String, broken: String }',
            resolvers: {
              Query: {
                hello: () => 'hi',
                broken: () => {
                  throw new GraphQLError('no', { extensions: { code: 'NOT_FOUND' } });
                },
              },
            },
          }),
          plugins: [logging.plugin, ...metrics.plugins],
          logging: false,
        }),
      };
    });
    const [first, second] = apps;
    const post = (body: unknown) =>
      first!.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(await (await post({ query: 'query Greeting { hello }' })).json()).toEqual({ data: { hello: 'hi' } });
    await post({ query: '{ broken }' });
    await first!.yoga.fetch('http://localhost/nowhere/../x?query=secret');
    first!.metrics.onCall({ provider: 'RUNWAY', endpoint: 'GET /assets/', status: 200, durationMs: 1, attempt: 0, error: null });

    const res = await first!.yoga.fetch('http://localhost/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain(
      'assetfed_http_request_duration_seconds_count{method="POST",route="/graphql",status="200",operation_type="query",operation_name="Greeting"} 1',
    );
    expect(text).toContain(
      'assetfed_http_request_duration_seconds_count{method="POST",route="/graphql",status="200",operation_type="query",operation_name="anonymous"} 1',
    );
    expect(text).toContain(
      'assetfed_http_request_duration_seconds_count{method="GET",route="other",status="404",operation_type="none",operation_name="anonymous"} 1',
    );
    expect(text).toContain('assetfed_graphql_errors_total{code="NOT_FOUND",operation_type="query",operation_name="anonymous"} 1');
    expect(text).not.toContain('secret');
    expect(text).toContain('assetfed_upstream_calls_total{provider="RUNWAY"');

    const other = await (await second!.yoga.fetch('http://localhost/metrics')).text();
    expect(other).not.toContain('operation_name="Greeting"');
    expect(other).not.toContain('provider="RUNWAY"');
    expect((await first!.yoga.fetch('http://localhost/metrics', { method: 'POST' })).status).toBe(405);
  });

  it('bounds the operation names it keeps as label values', () => {
    const { metrics } = fixture();
    const summary = { method: 'POST', path: '/graphql', operationType: 'query', status: 200, durationMs: 3, errors: [] };
    for (let i = 0; i < 150; i++) metrics.onRequest({ ...summary, operationName: `Op${i}` });
    metrics.onRequest({ ...summary, operationName: 'Op7' });
    return metrics.registry.getSingleMetricAsString('assetfed_http_request_duration_seconds').then((text) => {
      const names = new Set([...text.matchAll(/operation_name="([^"]+)"/g)].map((m) => m[1]));
      expect(names.size).toBe(101);
      expect(names.has('other')).toBe(true);
      expect(text).toContain('operation_name="Op7"} 2');
      expect(text).toContain('operation_name="other"} 50');
    });
  });

  it('feeds logs and metrics from the same upstream observers', async () => {
    const { metrics } = fixture();
    const out = captureLines();
    const observers = upstreamObservers(createLogger('debug', out), metrics);
    observers.onCall({ provider: 'UPLYNK', endpoint: 'POST /api2/asset/get', status: 200, durationMs: 12.345, attempt: 0, error: null });
    observers.onCall({ provider: 'UPLYNK', endpoint: 'POST /api2/asset/get', status: 404, durationMs: 3, attempt: 0, error: 'NOT_FOUND' });
    observers.onCall({ provider: 'UPLYNK', endpoint: 'POST /api2/asset/get', status: 503, durationMs: 3, attempt: 2, error: 'UNAVAILABLE' });
    observers.onGuard('UPLYNK', { type: 'breaker', state: 'open' });
    const records = out.records();
    expect(records[0]).toMatchObject({ level: 20, provider: 'UPLYNK', endpoint: 'POST /api2/asset/get', status: 200, ms: 12.3, attempt: 0, error: null });
    expect(records[1]).toMatchObject({ level: 20, error: 'NOT_FOUND' });
    expect(records[2]).toMatchObject({ level: 40, error: 'UNAVAILABLE', attempt: 2, msg: 'upstream call failed' });
    expect(records[3]).toMatchObject({ level: 40, provider: 'UPLYNK', breaker: 'open' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('assetfed_upstream_calls_total{provider="UPLYNK",endpoint="POST /api2/asset/get",outcome="NOT_FOUND"} 1');
    expect(text).toContain('assetfed_upstream_breaker_transitions_total{provider="UPLYNK",state="open"} 1');
  });
});
