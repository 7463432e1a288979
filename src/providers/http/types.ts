import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { UpstreamConfig } from '../../config/index.js';
import type { ProviderError, ProviderErrorKind } from '../../errors/domain.js';
import type { GuardEvent, ProviderGuard } from '../guard/guard.js';
import type { ProviderName } from '../types.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** How a provider reads its own error bodies: the message to show, and the kind when the status lies. */
export type ErrorClassifier = (status: number, body: unknown) => { detail: string; kind?: ProviderErrorKind | undefined };

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

/** What a provider's client knows of its own API: the rest of HttpClientOptions comes from the shared settings. */
export type ProviderHttpSpec = Pick<HttpClientOptions, 'provider' | 'baseUrl' | 'headers' | 'classify' | 'rateLimitBackoffMs'>;
