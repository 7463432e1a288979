import type { Plugin } from 'graphql-yoga';
import type { HealthSource } from './metrics.js';

export interface Readiness {
  status: 'ready' | 'degraded';
  /** Each enabled provider's guard state: breaker, rateLimitedUntil, queued, consecutiveFailures. */
  providers: ReturnType<HealthSource>;
}

/**
 * Ready while no enabled provider's breaker is open. Half-open counts as ready: the provider is being
 * probed back, and taking the instance out of rotation would stop the very traffic that probes it.
 * A rate-limit hold is reported but does not make the instance unready (calls queue, they do not fail).
 */
export function readiness(health: HealthSource): Readiness {
  const providers = health();
  const open = Object.values(providers).some((p) => p?.breaker === 'open');
  return { status: open ? 'degraded' : 'ready', providers };
}

/** 200 when ready, 503 (same body) when degraded; never cached. */
export function readinessResponse(health: HealthSource, fetchAPI: { Response: typeof Response } = globalThis): Response {
  const body = readiness(health);
  return new fetchAPI.Response(JSON.stringify(body), {
    status: body.status === 'ready' ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * The readiness probe as a yoga plugin answering `path` (default /ready) in onRequest, before any
 * GraphQL processing; yoga's /health stays the liveness probe (the process answers at all).
 */
export function useReadiness(health: HealthSource, path = '/ready'): Plugin {
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      endResponse(readinessResponse(health, fetchAPI));
    },
  };
}
