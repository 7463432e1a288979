import { z } from 'zod';
import { LOG_FORMATS } from '../observability/log-format.js';
import { PROVIDER_MODULES, PROVIDERS, type ProviderConfigs, type ProviderName } from '../providers/index.js';
import { bool, httpUrl, int, optional, withDefault } from './vars.js';

/**
 * The environment, parsed once at start-up by one zod schema: the variables below, each with its
 * default beside it, and each provider module's own slice (src/providers/<p>/env.ts). Every variable
 * is optional; a provider without credentials is disabled, and with none at all the built-in sandbox
 * providers are served. `Config` is what the schema outputs: there is no second description of it.
 */

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Calls per second for a real provider not named in UPSTREAM_RATE_LIMIT. */
export const DEFAULT_RATE_PER_SECOND = 50;

/** "UPLYNK=20,TWELVE_LABS=10": a number per provider, named as in the Provider enum. */
const perProvider = (min: number, max: number, integer: boolean) =>
  z.string().transform((text, ctx) => {
    const values: Partial<Record<ProviderName, number>> = {};
    for (const entry of text
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)) {
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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every variable of the server itself, with its default. */
const serverVars = z.object({
  PORT: withDefault(int(0, 65535), 4000),
  HOST: withDefault(z.string().min(1), '127.0.0.1'),
  /** Serve the sandbox providers; default: when no provider has credentials. */
  SANDBOX: optional(bool),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' })),
  /** Prefix of every Redis key and channel: instances sharing one prefix cooperate. */
  REDIS_KEY_PREFIX: withDefault(z.string().regex(/^[\w:.-]{1,64}$/, 'must be 1-64 letters, digits, _ : . or -'), 'assetfed:live:'),
  POLL_INTERVAL_MS: withDefault(int(100, 3_600_000), 2000),
  API_TOKENS: withDefault(z.string(), ''),
  ALLOW_ANONYMOUS: optional(bool),
  JWT_JWKS_URL: optional(httpUrl),
  JWT_ISSUER: optional(z.string().min(1)),
  JWT_AUDIENCE: optional(z.string().min(1)),
  /** Default: on in the sandbox, off with real providers. */
  INTROSPECTION: optional(bool),
  MAX_DEPTH: withDefault(int(1, 100), 15),
  MAX_ALIASES: withDefault(int(1, 1000), 30),
  MAX_TOKENS: withDefault(int(10, 1_000_000), 5000),
  MAX_DIRECTIVES: withDefault(int(1, 1000), 50),
  /** The most upstream calls one operation may be estimated at (src/cost/). */
  MAX_QUERY_COST: withDefault(int(1, 10_000_000), 1000),
  /** Each caller's bucket of upstream calls, and how many it regains per second. */
  CALLER_COST_BUDGET: withDefault(int(1, 100_000_000), 2000),
  CALLER_COST_RESTORE_RATE: withDefault(z.coerce.number({ message: 'must be a number' }).min(0.001).max(10_000_000), 100),
  /** A JSON map of sha256 hash → document (graphql-codegen's persisted-documents.json): trusted documents. */
  PERSISTED_DOCUMENTS: optional(z.string().min(1)),
  /** false: only the trusted documents run. Needs PERSISTED_DOCUMENTS. */
  ALLOW_ARBITRARY_OPERATIONS: withDefault(bool, true),
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS), 'info'),
  /** `json`, one object a line for collectors, or `pretty` for a terminal. */
  LOG_FORMAT: withDefault(z.enum(LOG_FORMATS), 'json'),
  UPSTREAM_TIMEOUT_MS: withDefault(int(100, 600_000), 10_000),
  /** 5 minutes: the per-part timeout the Twelve Labs SDK gives its uploads. */
  UPSTREAM_UPLOAD_TIMEOUT_MS: withDefault(int(1000, 3_600_000), 300_000),
  UPSTREAM_RETRIES: withDefault(int(0, 10), 2),
  UPSTREAM_MAX_RETRY_AFTER_MS: withDefault(int(0, 600_000), 5000),
  UPSTREAM_CONCURRENCY: withDefault(int(1, 256), 8),
  UPSTREAM_CONNECTIONS: withDefault(int(1, 4096), 128),
  UPSTREAM_RATE_LIMIT: optional(perProvider(0.01, 100_000, false)),
  UPSTREAM_RATE_BURST: optional(perProvider(1, 100_000, true)),
  /** Default: UPSTREAM_MAX_RETRY_AFTER_MS. */
  UPSTREAM_MAX_WAIT_MS: optional(int(0, 600_000)),
  UPSTREAM_BREAKER_FAILURES: withDefault(int(1, 1000), 5),
  UPSTREAM_BREAKER_COOLDOWN_MS: withDefault(int(100, 3_600_000), 10_000),
  /** false: one upstream call per key (for the bench's comparison only). */
  BATCHING: withDefault(bool, true),
  MAX_UPLOAD_BYTES: withDefault(int(1, 4 * 1024 ** 3), 200 * 1024 * 1024),
});

/** Each provider module parses its own variables out of the same environment. */
const providerVars = z.object(Object.fromEntries(PROVIDER_MODULES.map((m) => [m.name, m.env]))) as unknown as z.ZodType<ProviderConfigs>;

/** How upstream calls are made: timeouts, retries, concurrency, pools, rate limits, breakers. */
function upstreamOf(e: z.output<typeof serverVars>, sandbox: boolean) {
  return {
    /** Connect, headers and body timeout of each upstream call, and the deadline of a whole non-streamed one. */
    timeoutMs: e.UPSTREAM_TIMEOUT_MS,
    /**
     * The headers and body timeouts of a call that streams a file up: a provider may take a while to
     * store a large file before it answers; giving up sooner says nothing about whether it stored it.
     */
    uploadTimeoutMs: e.UPSTREAM_UPLOAD_TIMEOUT_MS,
    /** Retries of a safe read after the first attempt. */
    retries: e.UPSTREAM_RETRIES,
    /** Longest Retry-After a read waits for before it gives up with PROVIDER_RATE_LIMITED. */
    maxRetryAfterMs: e.UPSTREAM_MAX_RETRY_AFTER_MS,
    /** Calls in flight per provider for providers without a multi-get. */
    concurrency: e.UPSTREAM_CONCURRENCY,
    /** Keep-alive sockets per provider: the most calls in flight to one provider across all requests. */
    connections: e.UPSTREAM_CONNECTIONS,
    rateLimits: rateLimits(e.UPSTREAM_RATE_LIMIT, e.UPSTREAM_RATE_BURST, sandbox),
    /**
     * Longest a call queues for a rate-limit slot or behind a provider's Retry-After before it fails
     * fast with PROVIDER_RATE_LIMITED and the wait it would have had.
     */
    maxWaitMs: e.UPSTREAM_MAX_WAIT_MS ?? e.UPSTREAM_MAX_RETRY_AFTER_MS,
    /** Consecutive requests that found a provider unavailable (never a 4xx) that open its circuit breaker. */
    breakerFailures: e.UPSTREAM_BREAKER_FAILURES,
    /** How long an open breaker fails calls fast before one probe call goes through. */
    breakerCooldownMs: e.UPSTREAM_BREAKER_COOLDOWN_MS,
  };
}

/** Who may call: API tokens, JWT, or anyone; real credentials are never left open by accident. */
function callersOf(
  e: z.output<typeof serverVars>,
  { sandbox, hasCredentials }: { sandbox: boolean; hasCredentials: boolean },
  problem: (variable: string, message: string) => void,
) {
  const apiTokens = e.API_TOKENS.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const jwt = e.JWT_JWKS_URL ? { jwksUrl: e.JWT_JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE } : undefined;
  if (!jwt && (e.JWT_ISSUER || e.JWT_AUDIENCE)) problem('JWT_JWKS_URL', 'is required when JWT_ISSUER or JWT_AUDIENCE is set');
  // The sandbox guards nothing real, so it may run open; real credentials must not be open by accident.
  const callerAuth = apiTokens.length > 0 || jwt !== undefined;
  const allowAnonymous = e.ALLOW_ANONYMOUS ?? (sandbox && !callerAuth);
  if (!sandbox && hasCredentials && !callerAuth && !allowAnonymous) {
    problem(
      'API_TOKENS',
      'real provider credentials are set but nothing says who may call this API; set API_TOKENS (comma-separated bearer tokens), JWT_JWKS_URL, or ALLOW_ANONYMOUS=true',
    );
  }
  return { apiTokens, jwt, allowAnonymous };
}

const configSchema = z
  .preprocess(
    (env) => ({ server: env, providers: Object.fromEntries(PROVIDERS.map((p) => [p, env])) }),
    z.object({ server: serverVars, providers: providerVars }),
  )
  .transform(({ server: e, providers: configured }, ctx) => {
    // A module's slice gives undefined when its variables are unset: only configured providers remain.
    const providers = Object.fromEntries(Object.entries(configured).filter(([, c]) => c !== undefined)) as ProviderConfigs;
    const hasCredentials = Object.keys(providers).length > 0;
    const sandbox = e.SANDBOX ?? !hasCredentials;
    const problem = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
    if (sandbox && hasCredentials) {
      problem('SANDBOX', 'is true but real provider credentials are set; unset them or set SANDBOX=false (real and sandbox providers are never mixed)');
    }
    const { apiTokens, jwt, allowAnonymous } = callersOf(e, { sandbox, hasCredentials }, problem);
    if (e.MAX_QUERY_COST > e.CALLER_COST_BUDGET) {
      problem('MAX_QUERY_COST', `is ${e.MAX_QUERY_COST}, above CALLER_COST_BUDGET (${e.CALLER_COST_BUDGET}): such operations could never be paid for`);
    }
    if (!e.ALLOW_ARBITRARY_OPERATIONS && !e.PERSISTED_DOCUMENTS) {
      problem('ALLOW_ARBITRARY_OPERATIONS', 'is false but PERSISTED_DOCUMENTS names no trusted documents: nothing could run');
    }
    return {
      port: e.PORT,
      host: e.HOST,
      /** Serve the in-process sandbox providers instead of the real APIs. */
      sandbox,
      providers,
      redisUrl: e.REDIS_URL,
      redisKeyPrefix: e.REDIS_KEY_PREFIX,
      pollIntervalMs: e.POLL_INTERVAL_MS,
      apiTokens,
      /** JWT callers (JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE), beside API_TOKENS. */
      jwt,
      /** No caller credentials required: ALLOW_ANONYMOUS, or the sandbox without API_TOKENS or JWT. */
      allowAnonymous,
      introspection: e.INTROSPECTION ?? sandbox,
      /** graphql-armor limits per operation (its cost limit is replaced by `cost`). */
      limits: { maxDepth: e.MAX_DEPTH, maxAliases: e.MAX_ALIASES, maxTokens: e.MAX_TOKENS, maxDirectives: e.MAX_DIRECTIVES },
      /** Demand control in upstream calls (src/cost/, src/plugins/use-cost.ts). */
      cost: { maxQueryCost: e.MAX_QUERY_COST, budget: e.CALLER_COST_BUDGET, restoreRate: e.CALLER_COST_RESTORE_RATE },
      /** Trusted documents (src/server/trusted-documents.ts), when PERSISTED_DOCUMENTS is set. */
      trustedDocuments: e.PERSISTED_DOCUMENTS ? { path: e.PERSISTED_DOCUMENTS, allowArbitrary: e.ALLOW_ARBITRARY_OPERATIONS } : undefined,
      logLevel: e.LOG_LEVEL,
      logFormat: e.LOG_FORMAT,
      upstream: upstreamOf(e, sandbox),
      batching: e.BATCHING,
      /** Largest file a multipart upload may carry, enforced while receiving. */
      maxUploadBytes: e.MAX_UPLOAD_BYTES,
    };
  });

export type Config = z.output<typeof configSchema>;

/** Every variable loadConfig reads: the server's own and each provider module's (.env.example lists them all). */
export const CONFIG_VARIABLES: readonly string[] = [
  ...Object.keys(serverVars.shape),
  ...PROVIDER_MODULES.flatMap((m) => Object.keys((m.env as unknown as { in: z.ZodObject }).in.shape)),
];
export type QueryLimits = Config['limits'];
export type UpstreamConfig = Config['upstream'];
export type { ProviderConfigs };

/**
 * Rate limits per provider: never more than `perSecond` calls reach it in any second, `burst` of them
 * back to back. Real providers default to DEFAULT_RATE_PER_SECOND (none documents a per-second quota,
 * so the default only stops runaway bursts); the sandbox has no quota, so there only those named are limited.
 */
function rateLimits(rates: Partial<Record<ProviderName, number>> = {}, bursts: Partial<Record<ProviderName, number>> = {}, sandbox: boolean) {
  const limits: Partial<Record<ProviderName, { perSecond: number; burst: number }>> = {};
  for (const provider of PROVIDERS) {
    const rate = rates[provider];
    const burst = bursts[provider];
    if (sandbox && rate === undefined && burst === undefined) continue;
    const perSecond = rate ?? DEFAULT_RATE_PER_SECOND;
    limits[provider] = { perSecond, burst: burst ?? Math.ceil(perSecond) };
  }
  return limits;
}

/** Parses `env` (default `process.env`); throws ConfigError naming every bad variable, never echoing a value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  // Paths are ["server", VAR], ["providers", NAME, VAR] or [VAR]: the variable is the last part.
  throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path.at(-1) ?? 'environment')}: ${i.message}`));
}
