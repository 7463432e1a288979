import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LiveStats } from '../live/index.js';
import type { GuardEvent, ProviderHealth } from '../providers/guard/guard.js';
import type { CallEvent } from '../providers/http/index.js';
import type { ProviderName } from '../providers/types.js';
import type { RequestSummary } from './request-log.js';

export type HealthSource = () => Partial<Record<ProviderName, ProviderHealth>>;

export interface MetricsOptions {
  /** The providers' guard state, read on every scrape (breaker gauge, queue length). */
  health?: HealthSource;
  /** The live engine's counts, read on every scrape. */
  live?: () => LiveStats;
  /** Node process metrics (CPU, memory, event-loop lag, GC) in the same registry (default true). */
  processMetrics?: boolean;
  /** Where the metrics are served (default /metrics). */
  path?: string;
}

export interface Metrics {
  /** This app's own registry: two apps in one process never share a series. */
  registry: Registry;
  /** RequestLoggingOptions.onCompleted: one finished HTTP request (GraphQL over HTTP or SSE, probes). */
  onRequest(summary: RequestSummary): void;
  /** ClientOptions.onCall: one finished upstream call. */
  onCall(event: CallEvent): void;
  /** ClientOptions.onGuard: rate-limit waits, refusals, Retry-After holds, breaker transitions. */
  onGuard(provider: ProviderName, event: GuardEvent): void;
  /** The /metrics endpoint. */
  plugins: Plugin[];
  /** The exposition text, for serving /metrics outside yoga (`Response` defaults to the global one). */
  response(fetchAPI?: { Response: typeof Response }): Promise<Response>;
}

/** Breaker state as a number, so alerts can say `assetfed_upstream_breaker_state == 2`. */
export const BREAKER_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Client-chosen operation names become label values only up to this many distinct ones. */
const MAX_OPERATION_NAMES = 100;
/** Paths with a series of their own; any other (a 404 probe of random URLs) is "other". */
const ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);

const WAIT_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const health = () => options.health?.() ?? {};
  if (options.live) liveGauges(registers, options.live, health);
  const path = options.path ?? '/metrics';
  const response = async (fetchAPI: { Response: typeof Response } = globalThis) =>
    new fetchAPI.Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } });
  return {
    registry,
    onRequest: requestSeries(registers),
    onCall: upstreamCallSeries(registers),
    onGuard: guardSeries(registers, health),
    plugins: [
      {
        onRequest({ url, request, endResponse, fetchAPI }) {
          if (url.pathname !== path) return undefined;
          if (request.method !== 'GET' && request.method !== 'HEAD') {
            endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
            return undefined;
          }
          return response(fetchAPI).then(endResponse);
        },
      },
    ],
    response,
  };
}

type Registers = Registry[];

/** The request log's summaries, as a latency histogram and an error counter per operation. */
function requestSeries(registers: Registers): Metrics['onRequest'] {
  const requests = new Histogram({
    name: 'assetfed_http_request_duration_seconds',
    help: 'HTTP requests (GraphQL over HTTP and SSE, probes, scrapes), by method, route, status and GraphQL operation; an SSE subscription counts until its stream opens',
    labelNames: ['method', 'route', 'status', 'operation_type', 'operation_name'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const graphqlErrors = counter(registers, 'assetfed_graphql_errors_total', 'GraphQL responses carrying an error of this code, by code and operation', [
    'code',
    'operation_type',
    'operation_name',
  ]);
  // Operation names are the client's to choose: past MAX_OPERATION_NAMES distinct ones, "other".
  const names = new Set<string>();
  const operationName = (name: string | null): string => {
    if (name === null) return 'anonymous';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };
  return (summary) => {
    const operation = { operation_type: summary.operationType ?? 'none', operation_name: operationName(summary.operationName) };
    const route = ROUTES.has(summary.path) ? summary.path : 'other';
    requests.observe({ method: summary.method, route, status: summary.status, ...operation }, summary.durationMs / 1000);
    for (const code of summary.errors) graphqlErrors.inc({ code, ...operation });
  };
}

/** Each upstream attempt: counted by outcome, timed, and its failures counted by kind. */
function upstreamCallSeries(registers: Registers): Metrics['onCall'] {
  const calls = counter(
    registers,
    'assetfed_upstream_calls_total',
    'Upstream HTTP calls (each attempt), by provider, endpoint template and outcome (success or the error kind)',
    ['provider', 'endpoint', 'outcome'],
  );
  const latency = new Histogram({
    name: 'assetfed_upstream_call_duration_seconds',
    help: 'Duration of upstream HTTP calls (each attempt), by provider and endpoint template',
    labelNames: ['provider', 'endpoint'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const errors = counter(registers, 'assetfed_upstream_errors_total', 'Failed upstream calls (each attempt), by provider and error kind', ['provider', 'kind']);
  return ({ provider, endpoint, error, durationMs }) => {
    calls.inc({ provider, endpoint, outcome: error ?? 'success' });
    latency.observe({ provider, endpoint }, durationMs / 1000);
    if (error) errors.inc({ provider, kind: error });
  };
}

/** The guard's events (waits, refusals, Retry-After holds, breaker moves) and its state at each scrape. */
function guardSeries(registers: Registers, health: HealthSource): Metrics['onGuard'] {
  const waits = new Histogram({
    name: 'assetfed_upstream_rate_limit_wait_seconds',
    help: 'Time calls queued for a rate-limit slot or behind a Retry-After hold, by provider',
    labelNames: ['provider'] as const,
    buckets: WAIT_BUCKETS,
    registers,
  });
  const refused = counter(
    registers,
    'assetfed_upstream_refused_total',
    'Calls refused without reaching the provider, by provider and reason (circuit-open, rate-limited)',
    ['provider', 'reason'],
  );
  const retryAfter = counter(registers, 'assetfed_upstream_retry_after_total', 'Retry-After answers that held every call to the provider', ['provider']);
  const transitions = counter(registers, 'assetfed_upstream_breaker_transitions_total', 'Circuit breaker transitions, by provider and the state entered', [
    'provider',
    'state',
  ]);
  // The guard's own view is the truth (a cool-down ends without an event); events fill in between.
  const breaker = providerGauge(
    registers,
    'assetfed_upstream_breaker_state',
    'Circuit breaker state per provider: 0 closed, 1 half-open, 2 open',
    health,
    (h) => BREAKER_VALUE[h.breaker],
  );
  providerGauge(registers, 'assetfed_upstream_queued', 'Calls waiting for a rate-limit slot or a Retry-After hold, per provider', health, (h) => h.queued);
  return (provider, event) => {
    if (event.type === 'wait') waits.observe({ provider }, event.waitedMs / 1000);
    else if (event.type === 'refused') refused.inc({ provider, reason: event.reason });
    else if (event.type === 'retry-after') retryAfter.inc({ provider });
    else if (event.type === 'breaker') {
      breaker.set({ provider }, BREAKER_VALUE[event.state]);
      transitions.inc({ provider, state: event.state });
    }
  };
}

function counter<L extends string>(registers: Registers, name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return new Counter({ name, help, labelNames, registers });
}

/** A gauge per provider, set from the guard's health at each scrape. */
function providerGauge(registers: Registers, name: string, help: string, health: HealthSource, value: (h: ProviderHealth) => number): Gauge<'provider'> {
  return new Gauge({
    name,
    help,
    labelNames: ['provider'] as const,
    registers,
    collect() {
      for (const [provider, h] of Object.entries(health())) {
        if (h) this.set({ provider }, value(h));
      }
    },
  });
}

/** The live engine's counts, read at each scrape. */
function liveGauges(registers: Registers, live: () => LiveStats, health: HealthSource): void {
  new Gauge({
    name: 'assetfed_live_watched_assets',
    help: 'Distinct assets watched by live subscriptions on this instance',
    registers,
    collect() {
      this.set(live().watchedAssets);
    },
  });
  new Gauge({
    name: 'assetfed_live_subscribers',
    help: 'Open watch and change-feed iterators on this instance',
    registers,
    collect() {
      this.set(live().subscribers);
    },
  });
  new Gauge({
    name: 'assetfed_live_polling',
    help: 'Providers this instance polls (holds the lease of): 1 polling, 0 not',
    labelNames: ['provider'] as const,
    registers,
    collect() {
      const polling = new Set(live().polling);
      const known = new Set([...Object.keys(health()), ...polling]);
      this.reset();
      for (const provider of known) this.set({ provider }, polling.has(provider as ProviderName) ? 1 : 0);
    },
  });
}
