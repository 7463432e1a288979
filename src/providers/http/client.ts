import { setTimeout as sleep } from 'node:timers/promises';
import { Pool, type Dispatcher } from 'undici';
import { ProviderError, type ProviderErrorKind } from '../../errors/domain.js';
import { countUpstreamCall } from '../../cost/meter.js';
import { SharedDeadlines } from '../deadline.js';
import { GuardRefusal, ProviderGuard, type Outcome, type Permit, type ProviderHealth } from '../guard/guard.js';
import type { ProviderName } from '../types.js';
import { encodeQuery } from './headers.js';
import { CallDeadline, networkFailure } from './network.js';
import { readResponse } from './response.js';
import { retryDelay, withRateLimitWait } from './retry.js';
import type { HttpClientOptions, RequestSpec } from './types.js';

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
    this.guard = options.guard ?? new ProviderGuard({ maxWaitMs: this.maxRetryAfterMs, maxHoldMs: this.maxRetryAfterMs });
    this.pool = new Pool(base.origin, {
      connections: options.connections ?? 128,
      connect: { timeout },
      headersTimeout: timeout,
      bodyTimeout: timeout,
      keepAliveTimeout: 30_000,
    });
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    // Once per call, retries included in it: the cost model prices calls, not attempts.
    countUpstreamCall();
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
        failure = withRateLimitWait(networkFailure(this.provider, spec.endpoint, error), attempt, this.rateLimitBackoffMs);
      } finally {
        // Before any backoff: the slot counts the call, not the pause between attempts.
        release();
      }
      this.report(spec, status, started, attempt, failure.kind);
      // Anything the provider answered, even a 4xx or a 429, shows it is up.
      record(failure.kind === 'UNAVAILABLE' ? 'failure' : 'success');
      const held = failure.kind === 'RATE_LIMITED' && failure.retryAfterMs !== undefined;
      if (held) this.guard.retryAfter(failure.retryAfterMs!);
      const delay = attempt < retries ? retryDelay(failure, attempt, this.maxRetryAfterMs) : undefined;
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
    return readResponse(spec, { status: res.statusCode, headers: res.headers, text }, this.provider, this.options.classify);
  }

  private error(spec: { endpoint: string }, kind: ProviderErrorKind, detail: string, status?: number, retryAfterMs?: number): ProviderError {
    return new ProviderError(kind, this.provider, spec.endpoint, detail, { status, retryAfterMs });
  }

  private report(spec: { endpoint: string }, status: number | null, started: number, attempt: number, error: ProviderErrorKind | null): void {
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

function isStream(body: RequestSpec<unknown>['body']): boolean {
  return body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array);
}
