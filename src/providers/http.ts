import { setTimeout as sleep } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import { Pool, type Dispatcher } from 'undici';
import type { z } from 'zod';
import type { UpstreamConfig } from '../config/index.js';
import { ProviderError, type ProviderErrorKind } from '../errors/domain.js';
import { SharedDeadlines } from './deadline.js';
import { GuardRefusal, ProviderGuard, type GuardEvent, type Outcome, type Permit, type ProviderHealth } from './guard/guard.js';
import type { ProviderName } from './types.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** How a provider reads its own error bodies: the message to show, and the kind when the status lies. */
export type ErrorClassifier = (
  status: number,
  body: unknown,
) => { detail: string; kind?: ProviderErrorKind | undefined };

/** One finished upstream call, for logs and metrics. Holds the endpoint template, never the URL. */
export interface CallEvent {
  provider: ProviderName;
  endpoint: string;
  status: number | null;
  durationMs: number;
  attempt: number;
  error: ProviderErrorKind | null;
}

export interface HttpClientOptions {
  provider: ProviderName;
  /** Base URL including any path prefix, e.g. https://api.twelvelabs.io/v1.3 */
  baseUrl: string;
  /** Headers sent on every call (auth). */
  headers: Record<string, string>;
  /** Connect, headers and body timeout in ms (default 10000). */
  timeoutMs?: number;
  /** Headers and body timeout of an upload: a streamed body, or a call marked `upload` (default 300000 ms). */
  uploadTimeoutMs?: number;
  /** Retries of a safe call after the first attempt (default 2). */
  retries?: number;
  /** A Retry-After longer than this is not waited for (default 5000 ms). */
  maxRetryAfterMs?: number;
  /**
   * The wait a 429 stands for when it names none (no Retry-After, no X-Ratelimit-Reset), doubled for
   * each further 429 of the same call; then treated as a Retry-After. The provider's own: what its
   * clients wait (default 1000 ms).
   */
  rateLimitBackoffMs?: number;
  /** Sockets in the pool (default 128). */
  connections?: number;
  classify: ErrorClassifier;
  onCall?: (event: CallEvent) => void;
  /**
   * Rate limit, shared Retry-After hold and circuit breaker for this provider (default: no rate limit,
   * waits and holds bounded by maxRetryAfterMs, a 5-failure breaker with a 10 s cool-down).
   */
  guard?: ProviderGuard;
}

export interface RequestSpec<T> {
  method: HttpMethod;
  /** Path below the base URL, already percent-encoded where it holds ids. */
  path: string;
  /** Endpoint template for errors, logs and metrics, e.g. "GET /assets/{id}". */
  endpoint: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  body?: string | Buffer | Uint8Array | Readable | FormData;
  schema: z.ZodType<T>;
  /** Safe to repeat after a failure. Defaults to true for GET only: writes never retry blindly. */
  idempotent?: boolean;
  /**
   * The call has the provider store a file before it answers (a streamed body, or a URL it downloads):
   * upload-sized timeouts and no whole-call deadline. Defaults to whether the body is a stream.
   */
  upload?: boolean;
  /**
   * The error a parsed 2xx body stands for, if any: for providers that report failures inside a
   * success (Uplynk's `{error: 1}` with HTTP 200), so they count as failed calls like any other.
   */
  check?: (body: T) => ProviderError | null;
}

/**
 * One keep-alive pool per provider origin, with timeouts, bounded retries and typed errors, behind the
 * provider's guard: every call of every request passes the breaker, the shared Retry-After hold and the
 * rate limiter here, the one place all upstream traffic goes through.
 */
export class ProviderHttp {
  readonly provider: ProviderName;
  private readonly pool: Pool;
  private readonly prefix: string;
  private readonly retries: number;
  private readonly maxRetryAfterMs: number;
  private readonly rateLimitBackoffMs: number;
  private readonly uploadTimeoutMs: number;
  private readonly guard: ProviderGuard;
  private readonly deadlines: SharedDeadlines;

  constructor(private readonly options: HttpClientOptions) {
    const base = new URL(options.baseUrl);
    const timeout = options.timeoutMs ?? 10_000;
    this.provider = options.provider;
    this.prefix = base.pathname.replace(/\/+$/, '');
    this.deadlines = new SharedDeadlines(timeout, () => new CallDeadline(timeout));
    this.retries = options.retries ?? 2;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 5000;
    this.rateLimitBackoffMs = options.rateLimitBackoffMs ?? 1000;
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? 300_000;
    this.guard =
      options.guard ?? new ProviderGuard({ maxWaitMs: this.maxRetryAfterMs, maxHoldMs: this.maxRetryAfterMs });
    this.pool = new Pool(base.origin, {
      connections: options.connections ?? 128,
      connect: { timeout },
      headersTimeout: timeout,
      bodyTimeout: timeout,
      keepAliveTimeout: 30_000,
    });
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const permit = this.guarded(spec, () => this.guard.admit());
    let outcome: Outcome = 'none';
    try {
      return await this.attempts(spec, permit, (o) => (outcome = o));
    } finally {
      this.guard.settle(permit, outcome);
    }
  }

  /** The breaker state, the Retry-After hold and the queue, for readiness and metrics. */
  health(): ProviderHealth {
    return this.guard.health();
  }

  close(): Promise<void> {
    this.guard.close();
    return this.pool.close();
  }

  private async attempts<T>(spec: RequestSpec<T>, permit: Permit, record: (o: Outcome) => void): Promise<T> {
    const idempotent = spec.idempotent ?? spec.method === 'GET';
    // A probe tests the provider with one call: retrying it would send more to a provider that is down.
    const retries = idempotent && !permit.probe ? this.retries : 0;
    let next: { maxWaitMs?: number } = {};
    for (let attempt = 0; ; attempt++) {
      const release = await this.guarded(spec, () => this.guard.slot(permit, next));
      const started = performance.now();
      let status: number | null = null;
      let failure: ProviderError;
      try {
        const result = await this.once(spec, (s) => (status = s));
        this.report(spec, status, started, attempt, null);
        record('success');
        return result;
      } catch (error) {
        failure = this.withRateLimitWait(this.toProviderError(spec, error), attempt);
      } finally {
        // Before any backoff: the slot counts the call, not the pause between attempts.
        release();
      }
      this.report(spec, status, started, attempt, failure.kind);
      // Anything the provider answered, even a 4xx or a 429, shows it is up.
      record(failure.kind === 'UNAVAILABLE' ? 'failure' : 'success');
      const held = failure.kind === 'RATE_LIMITED' && failure.retryAfterMs !== undefined;
      if (held) this.guard.retryAfter(failure.retryAfterMs!);
      const delay = attempt < retries ? this.retryDelay(failure, attempt) : undefined;
      if (delay === undefined) throw failure;
      // After a Retry-After the shared hold does the waiting, for this call and every other, and the
      // retry queues like any call (so a storm's 429s spread over requests instead of exhausting one
      // request's retries); it may wait at least as long as the provider asked.
      next = held ? { maxWaitMs: Math.max(this.guard.maxWaitMs, delay) } : {};
      if (!held) await sleep(delay);
    }
  }

  /** Runs a guard step; its refusals become the ProviderErrors callers already handle. */
  private guarded<R>(spec: { endpoint: string }, step: () => R): R {
    const refused = (error: unknown): never => {
      if (!(error instanceof GuardRefusal)) throw error;
      const kind = error.reason === 'rate-limited' ? 'RATE_LIMITED' : 'UNAVAILABLE';
      throw this.error(spec, kind, error.detail, undefined, error.retryAfterMs);
    };
    try {
      const result = step();
      return (result instanceof Promise ? result.catch(refused) : result) as R;
    } catch (error) {
      return refused(error);
    }
  }

  private async once<T>(spec: RequestSpec<T>, onStatus: (status: number) => void): Promise<T> {
    // undici's timeouts are per phase and reset on every body chunk, so a provider that trickles its
    // answer could hold a call for ever; a whole-call deadline bounds it. Streamed uploads take as long
    // as their size needs, and keep only the per-phase timeouts, upload-sized: after the last byte a
    // provider may take minutes to store a large file before its headers come.
    const upload = spec.upload ?? isStream(spec.body);
    const res = await this.pool.request({
      method: spec.method,
      path: this.prefix + spec.path + encodeQuery(spec.query),
      headers: { ...this.options.headers, ...spec.headers },
      body: spec.body as Dispatcher.DispatchOptions['body'],
      signal: upload ? undefined : this.deadlines.signal(),
      ...(upload && { headersTimeout: this.uploadTimeoutMs, bodyTimeout: this.uploadTimeoutMs }),
    });
    onStatus(res.statusCode);
    const text = await res.body.text();
    return this.read(spec, res.statusCode, res.headers, text);
  }

  private read<T>(spec: RequestSpec<T>, status: number, headers: Record<string, string | string[] | undefined>, text: string): T {
    const body = parseBody(text, headers['content-type']);
    if (status >= 200 && status < 300) {
      if (body === INVALID_JSON) throw this.error(spec, 'BAD_RESPONSE', 'the body is not valid JSON', status);
      const parsed = spec.schema.safeParse(body);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') || '(root)';
        throw this.error(spec, 'BAD_RESPONSE', `unexpected response shape at ${where}`, status);
      }
      const failure = spec.check?.(parsed.data);
      if (failure) throw failure;
      return parsed.data;
    }
    const { detail, kind: classified } = this.options.classify(status, body === INVALID_JSON ? text.slice(0, 200) : body);
    const kind = classified ?? kindOfStatus(status);
    // A rate limit's reset time says when quota returns; on any other answer it says nothing to wait for.
    const wait = retryAfter(headers) ?? (kind === 'RATE_LIMITED' ? rateLimitReset(headers) : undefined);
    throw this.error(spec, kind, detail, status, wait);
  }

  /**
   * A rate limit that named no wait gets the provider's backoff, doubled per attempt, as its wait: a
   * 429 means "wait", and retrying within milliseconds only spends quota on more 429s. From here on it
   * is handled as a Retry-After (held for every call, waited for or refused with the delay).
   */
  private withRateLimitWait(error: ProviderError, attempt: number): ProviderError {
    if (error.kind !== 'RATE_LIMITED' || error.retryAfterMs !== undefined) return error;
    const retryAfterMs = this.rateLimitBackoffMs * 2 ** attempt;
    return new ProviderError(error.kind, error.provider, error.endpoint, error.detail, { ...error.options, retryAfterMs });
  }

  private error(
    spec: { endpoint: string },
    kind: ProviderErrorKind,
    detail: string,
    status?: number,
    retryAfterMs?: number,
  ): ProviderError {
    return new ProviderError(kind, this.provider, spec.endpoint, detail, { status, retryAfterMs });
  }

  private toProviderError(spec: { endpoint: string }, error: unknown): ProviderError {
    if (error instanceof ProviderError) return error;
    const code = (error as { code?: string }).code ?? (error as Error).name;
    return new ProviderError('UNAVAILABLE', this.provider, spec.endpoint, describeNetworkError(code), {
      cause: error,
    });
  }

  /** The wait before the next attempt, or undefined when this failure must not be retried. */
  private retryDelay(error: ProviderError, attempt: number): number | undefined {
    if (error.kind === 'RATE_LIMITED') {
      // Every rate limit has a wait by now (withRateLimitWait); a longer one than we wait for fails.
      const wait = error.retryAfterMs;
      return wait !== undefined && wait <= this.maxRetryAfterMs ? wait : undefined;
    }
    if (error.kind === 'UNAVAILABLE') return backoff(attempt);
    return undefined;
  }

  private report(
    spec: { endpoint: string },
    status: number | null,
    started: number,
    attempt: number,
    error: ProviderErrorKind | null,
  ): void {
    this.options.onCall?.({
      provider: this.provider,
      endpoint: spec.endpoint,
      status,
      durationMs: performance.now() - started,
      attempt,
      error,
    });
  }
}

/** The whole-call deadline fired (see ProviderHttp.once). */
class CallDeadline extends Error {
  readonly code = 'ASSETFED_CALL_DEADLINE';
  constructor(ms: number) {
    super(`no complete answer within ${ms} ms`);
    this.name = 'CallDeadline';
  }
}

function isStream(body: RequestSpec<unknown>['body']): boolean {
  return body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array);
}

const INVALID_JSON = Symbol('invalid json');

function parseBody(text: string, contentType: string | string[] | undefined): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Some error pages are plain text or HTML; only a 2xx that claimed JSON is a broken response.
    return String(contentType ?? '').includes('json') || text.trimStart().startsWith('{') ? INVALID_JSON : text;
  }
}

function kindOfStatus(status: number): ProviderErrorKind {
  if (status === 404) return 'NOT_FOUND';
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500 || status === 408) return 'UNAVAILABLE';
  return 'REJECTED';
}

/** Exponential backoff from 100 ms, capped at 2 s, with jitter over the upper half. */
export function backoff(attempt: number): number {
  const ceiling = Math.min(2000, 100 * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Retry-After as seconds or an HTTP date, or retry-after-ms; undefined when absent or unreadable. */
export function retryAfter(headers: Record<string, string | string[] | undefined>): number | undefined {
  const ms = Number(first(headers['retry-after-ms']));
  if (Number.isFinite(ms) && ms >= 0 && first(headers['retry-after-ms']) !== undefined) return ms;
  const value = first(headers['retry-after']);
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * X-Ratelimit-Reset, UTC epoch seconds when the quota returns (Twelve Labs v1.2 docs, providers.md
 * §3.5), as ms from now; undefined when absent, unreadable or already past.
 */
export function rateLimitReset(headers: Record<string, string | string[] | undefined>): number | undefined {
  const value = first(headers['x-ratelimit-reset']);
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  const ms = Number(value) * 1000 - Date.now();
  return ms > 0 ? Math.ceil(ms) : undefined;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Query string with repeated keys for arrays (asset_ids=a&asset_ids=b), as the providers expect. */
export function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function describeNetworkError(code: string): string {
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connect timeout';
    case 'UND_ERR_HEADERS_TIMEOUT':
      return 'timed out waiting for response headers';
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timed out reading the response body';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection dropped';
    case 'ASSETFED_CALL_DEADLINE':
      return 'timed out before the answer was complete';
    default:
      return `network error (${code})`;
  }
}

/** What every provider client is built with, besides its own credentials. */
export interface ClientOptions {
  /** The guard settings (rate limits, wait bound, breaker) are optional so tests can pass the basics. */
  upstream: Pick<UpstreamConfig, 'timeoutMs' | 'retries' | 'maxRetryAfterMs' | 'concurrency'> &
    Partial<Omit<UpstreamConfig, 'timeoutMs' | 'retries' | 'maxRetryAfterMs' | 'concurrency'>>;
  /** True when the client talks to the built-in sandbox. */
  sandbox: boolean;
  onCall?: (event: CallEvent) => void;
  /** Rate-limit waits, refusals, Retry-After holds and breaker transitions, per provider. */
  onGuard?: (provider: ProviderName, event: GuardEvent) => void;
  /** The provider's guard, when the caller keeps it (the registry does, for health()); else one is made. */
  guard?: ProviderGuard;
}

/** The guard a provider's pool sits behind, from the shared upstream settings. */
export function createGuard(provider: ProviderName, options: Omit<ClientOptions, 'guard'>): ProviderGuard {
  const { upstream } = options;
  return new ProviderGuard({
    rateLimit: upstream.rateLimits?.[provider],
    maxWaitMs: upstream.maxWaitMs ?? upstream.maxRetryAfterMs,
    maxHoldMs: upstream.maxRetryAfterMs,
    breaker: { failureThreshold: upstream.breakerFailures, cooldownMs: upstream.breakerCooldownMs },
    onEvent: options.onGuard && ((event) => options.onGuard!(provider, event)),
  });
}

/** What a provider's client knows of its own API: the rest of HttpClientOptions comes from the shared settings. */
export type ProviderHttpSpec = Pick<HttpClientOptions, 'provider' | 'baseUrl' | 'headers' | 'classify' | 'rateLimitBackoffMs'>;

/** The provider's pool, configured from the shared client options. */
export function createHttp(spec: ProviderHttpSpec, options: ClientOptions): ProviderHttp {
  return new ProviderHttp({
    ...spec,
    timeoutMs: options.upstream.timeoutMs,
    uploadTimeoutMs: options.upstream.uploadTimeoutMs,
    retries: options.upstream.retries,
    maxRetryAfterMs: options.upstream.maxRetryAfterMs,
    connections: options.upstream.connections,
    onCall: options.onCall,
    guard: options.guard ?? createGuard(spec.provider, options),
  });
}
