import { z } from 'zod';
import { LOG_FORMATS, type LogFormat } from './log-format.js';
import { PROVIDERS, type ProviderName } from './providers/types.js';

/**
 * The environment, parsed once at start-up. Every variable is optional; a provider without credentials
 * is disabled, and with no credentials at all the built-in sandbox providers are served.
 */
export interface Config {
  port: number;
  host: string;
  /** Serve the in-process sandbox providers instead of the real APIs. */
  sandbox: boolean;
  providers: ProviderConfigs;
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel (default "assetfed:live:"): instances sharing one prefix cooperate. */
  redisKeyPrefix: string;
  pollIntervalMs: number;
  apiTokens: string[];
  /** JWT callers (JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE), beside API_TOKENS. */
  jwt: { jwksUrl: string; issuer: string | undefined; audience: string | undefined } | undefined;
  /** No caller credentials required: ALLOW_ANONYMOUS, or the sandbox without API_TOKENS or JWT. */
  allowAnonymous: boolean;
  /** Introspection on (INTROSPECTION; default on in the sandbox, off with real providers). */
  introspection: boolean;
  limits: QueryLimits;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** LOG_FORMAT: `json` (default) or `pretty` for a terminal. */
  logFormat: LogFormat;
  upstream: UpstreamConfig;
  /** false turns DataLoader batching off (one upstream call per key); only the bench wants that. */
  batching: boolean;
  /** Largest file a multipart upload may carry, enforced while receiving (default 200 MB). */
  maxUploadBytes: number;
}

/** graphql-armor limits per operation. */
export interface QueryLimits {
  /** MAX_DEPTH, default 15 */
  maxDepth: number;
  /** MAX_ALIASES, default 30 */
  maxAliases: number;
  /** MAX_TOKENS, default 5000 */
  maxTokens: number;
  /** MAX_DIRECTIVES, default 50 */
  maxDirectives: number;
  /** MAX_COST, default 20000 */
  maxCost: number;
}

export interface UpstreamConfig {
  /** Connect, headers and body timeout of each upstream call (default 10000 ms). */
  timeoutMs: number;
  /** Retries of a safe read after the first attempt (default 2). */
  retries: number;
  /** Longest Retry-After a read waits for before it gives up with PROVIDER_RATE_LIMITED (default 5000 ms). */
  maxRetryAfterMs: number;
  /** Calls in flight per provider for providers without a multi-get (default 8). */
  concurrency: number;
  /**
   * Keep-alive sockets per provider (UPSTREAM_CONNECTIONS, default 128): the most calls in flight to
   * one provider across all requests; more queue for a socket. Rate limits are UPSTREAM_RATE_LIMIT's job.
   */
  connections: number;
  /**
   * Rate limit per provider: UPSTREAM_RATE_LIMIT ("UPLYNK=20,TWELVE_LABS=10", calls per second,
   * fractions allowed) and UPSTREAM_RATE_BURST (same form: calls that may leave back to back; default
   * the rate, rounded up). Never more than the rate's calls in any second reach the provider; a burst
   * of queries queues (first come, first served) instead. Real providers default to 50 per second:
   * none documents a per-second quota (Twelve Labs' per-minute limits depend on the plan), so the
   * default only stops runaway bursts; set a provider's own quota here. With SANDBOX a provider is
   * limited only when named. A provider absent from this map is not rate limited.
   */
  rateLimits: Partial<Record<ProviderName, { perSecond: number; burst: number }>>;
  /**
   * UPSTREAM_MAX_WAIT_MS: longest a call queues for a rate-limit slot or behind a provider's
   * Retry-After before it fails fast with PROVIDER_RATE_LIMITED and the wait it would have had
   * (default: UPSTREAM_MAX_RETRY_AFTER_MS).
   */
  maxWaitMs: number;
  /**
   * UPSTREAM_BREAKER_FAILURES: consecutive requests that found a provider unavailable (timeouts,
   * connection errors, 5xx after retries; never 4xx) that open its circuit breaker (default 5). While
   * open, its calls fail fast with PROVIDER_UNAVAILABLE; other providers are not affected.
   */
  breakerFailures: number;
  /**
   * UPSTREAM_BREAKER_COOLDOWN_MS: how long an open breaker fails calls fast before it lets one probe
   * call through; the probe's success closes it, its failure opens it again (default 10000 ms).
   */
  breakerCooldownMs: number;
}

/** Calls per second for a real provider not named in UPSTREAM_RATE_LIMIT. */
export const DEFAULT_RATE_PER_SECOND = 50;

export interface ProviderConfigs {
  videoJungle?: { apiKey: string; baseUrl: string };
  uplynk?: { ownerId: string; apiKey: string; baseUrl: string };
  twelveLabs?: { apiKey: string; baseUrl: string };
  runway?: { token: string; baseUrl: string; email: string | undefined };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be an integer').min(min).max(max);
const url = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
// Secrets are only checked for presence so that no message can ever echo one back.
const secret = z.string().min(1, 'must not be empty');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
/** "UPLYNK=20,TWELVE_LABS=10": a number per provider, named as in the Provider enum. */
const perProvider = (min: number, max: number, integer: boolean) =>
  z.string().transform((text, ctx) => {
    const values: Partial<Record<ProviderName, number>> = {};
    for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
      const parts = entry.split('=').map((part) => part.trim());
      const [name = '', raw = ''] = parts.length === 2 ? parts : [parts[0], ''];
      const provider = PROVIDERS.find((p) => p === name.toUpperCase());
      const value = Number(raw);
      if (!provider) {
        ctx.addIssue({ code: 'custom', message: `"${name}" is not a provider (one of ${PROVIDERS.join(', ')})` });
      } else if (raw === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
        ctx.addIssue({ code: 'custom', message: `${provider} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}` });
      } else {
        values[provider] = value;
      }
    }
    return values;
  });

const envSchema = z.object({
  PORT: optional(int(0, 65535)),
  HOST: optional(z.string().min(1)),
  SANDBOX: optional(bool),
  VIDEO_JUNGLE_API_KEY: optional(secret),
  VIDEO_JUNGLE_BASE_URL: optional(url),
  UPLYNK_OWNER_ID: optional(z.string().regex(/^[0-9a-f]{32}$/i, 'must be the 32-hex-character account GUID')),
  UPLYNK_API_KEY: optional(secret),
  UPLYNK_BASE_URL: optional(url),
  TWELVE_LABS_API_KEY: optional(secret),
  TWELVE_LABS_BASE_URL: optional(url),
  USEAPI_TOKEN: optional(secret),
  USEAPI_BASE_URL: optional(url),
  RUNWAY_EMAIL: optional(z.email({ message: 'must be an email address' })),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' })),
  REDIS_KEY_PREFIX: optional(z.string().regex(/^[\w:.-]{1,64}$/, 'must be 1-64 letters, digits, _ : . or -')),
  POLL_INTERVAL_MS: optional(int(100, 3_600_000)),
  API_TOKENS: optional(z.string()),
  ALLOW_ANONYMOUS: optional(bool),
  JWT_JWKS_URL: optional(url),
  JWT_ISSUER: optional(z.string().min(1)),
  JWT_AUDIENCE: optional(z.string().min(1)),
  INTROSPECTION: optional(bool),
  MAX_DEPTH: optional(int(1, 100)),
  MAX_ALIASES: optional(int(1, 1000)),
  MAX_TOKENS: optional(int(10, 1_000_000)),
  MAX_DIRECTIVES: optional(int(1, 1000)),
  MAX_COST: optional(int(10, 10_000_000)),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  LOG_FORMAT: optional(z.enum(LOG_FORMATS)),
  UPSTREAM_TIMEOUT_MS: optional(int(100, 600_000)),
  UPSTREAM_RETRIES: optional(int(0, 10)),
  UPSTREAM_MAX_RETRY_AFTER_MS: optional(int(0, 600_000)),
  UPSTREAM_CONCURRENCY: optional(int(1, 256)),
  UPSTREAM_CONNECTIONS: optional(int(1, 4096)),
  UPSTREAM_RATE_LIMIT: optional(perProvider(0.01, 100_000, false)),
  UPSTREAM_RATE_BURST: optional(perProvider(1, 100_000, true)),
  UPSTREAM_MAX_WAIT_MS: optional(int(0, 600_000)),
  UPSTREAM_BREAKER_FAILURES: optional(int(1, 1000)),
  UPSTREAM_BREAKER_COOLDOWN_MS: optional(int(100, 3_600_000)),
  BATCHING: optional(bool),
  MAX_UPLOAD_BYTES: optional(int(1, 4 * 1024 ** 3)),
});

type Env = z.infer<typeof envSchema>;

/** Every variable loadConfig reads (.env.example lists them all; a test compares the two). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** Parses `env` (default `process.env`); throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const providers = readProviders(e, problems);
  const hasCredentials = Object.keys(providers).length > 0;
  const sandbox = e.SANDBOX ?? !hasCredentials;
  if (sandbox && hasCredentials) {
    problems.push(
      'SANDBOX: is true but real provider credentials are set; unset them or set SANDBOX=false (real and sandbox providers are never mixed)',
    );
  }
  const apiTokens = (e.API_TOKENS ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  // The sandbox guards nothing real, so it may run open; real credentials must not be open by accident.
  const jwt = e.JWT_JWKS_URL ? { jwksUrl: e.JWT_JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE } : undefined;
  if (!jwt && (e.JWT_ISSUER || e.JWT_AUDIENCE)) problems.push('JWT_JWKS_URL: is required when JWT_ISSUER or JWT_AUDIENCE is set');
  const callerAuth = apiTokens.length > 0 || jwt !== undefined;
  const allowAnonymous = e.ALLOW_ANONYMOUS ?? (sandbox && !callerAuth);
  if (!sandbox && hasCredentials && !callerAuth && !allowAnonymous) {
    problems.push(
      'API_TOKENS: real provider credentials are set but nothing says who may call this API; set API_TOKENS (comma-separated bearer tokens), JWT_JWKS_URL, or ALLOW_ANONYMOUS=true',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT ?? 4000,
    host: e.HOST ?? '127.0.0.1',
    sandbox,
    providers,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX ?? 'assetfed:live:',
    pollIntervalMs: e.POLL_INTERVAL_MS ?? 2000,
    apiTokens,
    jwt,
    allowAnonymous,
    introspection: e.INTROSPECTION ?? sandbox,
    limits: {
      maxDepth: e.MAX_DEPTH ?? 15,
      maxAliases: e.MAX_ALIASES ?? 30,
      maxTokens: e.MAX_TOKENS ?? 5000,
      maxDirectives: e.MAX_DIRECTIVES ?? 50,
      maxCost: e.MAX_COST ?? 20_000,
    },
    logLevel: e.LOG_LEVEL ?? 'info',
    logFormat: e.LOG_FORMAT ?? 'json',
    upstream: {
      timeoutMs: e.UPSTREAM_TIMEOUT_MS ?? 10_000,
      retries: e.UPSTREAM_RETRIES ?? 2,
      maxRetryAfterMs: e.UPSTREAM_MAX_RETRY_AFTER_MS ?? 5000,
      concurrency: e.UPSTREAM_CONCURRENCY ?? 8,
      connections: e.UPSTREAM_CONNECTIONS ?? 128,
      rateLimits: readRateLimits(e, sandbox),
      maxWaitMs: e.UPSTREAM_MAX_WAIT_MS ?? e.UPSTREAM_MAX_RETRY_AFTER_MS ?? 5000,
      breakerFailures: e.UPSTREAM_BREAKER_FAILURES ?? 5,
      breakerCooldownMs: e.UPSTREAM_BREAKER_COOLDOWN_MS ?? 10_000,
    },
    batching: e.BATCHING ?? true,
    maxUploadBytes: e.MAX_UPLOAD_BYTES ?? 200 * 1024 * 1024,
  };
}

/** The sandbox has no quota to protect, so there only the providers named are limited. */
function readRateLimits(e: Env, sandbox: boolean): UpstreamConfig['rateLimits'] {
  const limits: UpstreamConfig['rateLimits'] = {};
  for (const provider of PROVIDERS) {
    const rate = e.UPSTREAM_RATE_LIMIT?.[provider];
    const burst = e.UPSTREAM_RATE_BURST?.[provider];
    if (sandbox && rate === undefined && burst === undefined) continue;
    const perSecond = rate ?? DEFAULT_RATE_PER_SECOND;
    limits[provider] = { perSecond, burst: burst ?? Math.ceil(perSecond) };
  }
  return limits;
}

function readProviders(e: Env, problems: string[]): ProviderConfigs {
  const providers: ProviderConfigs = {};
  if (e.VIDEO_JUNGLE_API_KEY) {
    providers.videoJungle = {
      apiKey: e.VIDEO_JUNGLE_API_KEY,
      baseUrl: e.VIDEO_JUNGLE_BASE_URL ?? 'https://api.video-jungle.com',
    };
  }
  if (e.UPLYNK_OWNER_ID || e.UPLYNK_API_KEY) {
    if (!e.UPLYNK_OWNER_ID) problems.push('UPLYNK_OWNER_ID: is required when UPLYNK_API_KEY is set');
    if (!e.UPLYNK_API_KEY) problems.push('UPLYNK_API_KEY: is required when UPLYNK_OWNER_ID is set');
    if (e.UPLYNK_OWNER_ID && e.UPLYNK_API_KEY) {
      providers.uplynk = {
        ownerId: e.UPLYNK_OWNER_ID,
        apiKey: e.UPLYNK_API_KEY,
        baseUrl: e.UPLYNK_BASE_URL ?? 'https://services.uplynk.com',
      };
    }
  }
  if (e.TWELVE_LABS_API_KEY) {
    providers.twelveLabs = {
      apiKey: e.TWELVE_LABS_API_KEY,
      baseUrl: e.TWELVE_LABS_BASE_URL ?? 'https://api.twelvelabs.io/v1.3',
    };
  }
  if (e.USEAPI_TOKEN) {
    providers.runway = {
      token: e.USEAPI_TOKEN,
      baseUrl: e.USEAPI_BASE_URL ?? 'https://api.useapi.net/v1/runwayml',
      email: e.RUNWAY_EMAIL,
    };
  }
  return providers;
}
