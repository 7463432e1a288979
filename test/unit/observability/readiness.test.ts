import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { readiness, useReadiness, type HealthSource } from '../../../src/observability/index.js';
import type { ProviderHealth } from '../../../src/providers/guard/guard.js';

const state = (breaker: ProviderHealth['breaker'], consecutiveFailures = 0): ProviderHealth => ({
  breaker,
  rateLimitedUntil: null,
  queued: 0,
  consecutiveFailures,
});

describe('readiness', () => {
  let health: ReturnType<HealthSource> = {};
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { a: Int }' }),
    plugins: [useReadiness(() => health)],
    logging: false,
  });

  it('is ready while every breaker is closed or half-open', async () => {
    health = { UPLYNK: state('closed'), TWELVE_LABS: state('half-open', 5) };
    const res = await yoga.fetch('http://localhost/ready');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ready', providers: health });
  });

  it('is degraded (503, same body) while any breaker is open; /health stays live', async () => {
    health = { UPLYNK: state('closed'), RUNWAY: { ...state('open', 5), rateLimitedUntil: 1_700_000_000_000 } };
    const res = await yoga.fetch('http://localhost/ready');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'degraded', providers: health });
    expect((await yoga.fetch('http://localhost/health')).status).toBe(200);
    expect((await yoga.fetch('http://localhost/ready', { method: 'DELETE' })).status).toBe(405);
  });

  it('is ready with no provider enabled', () => {
    expect(readiness(() => ({})).status).toBe('ready');
  });
});
