/**
 * The shared undici layer every provider client calls through, in layers: the pool and its attempts
 * (client.ts), behind the provider's guard (../guard/); each answer read into data or a typed error
 * (response.ts, headers.ts); when to try again (retry.ts); failures that are not answers (network.ts).
 */
import { ProviderGuard } from '../guard/guard.js';
import type { ProviderName } from '../types.js';
import { ProviderHttp } from './client.js';
import type { ClientOptions, ProviderHttpSpec } from './types.js';

export { ProviderHttp } from './client.js';
export { encodeQuery, rateLimitReset, retryAfter } from './headers.js';
export { isSuccessStatus } from './response.js';
export { backoff } from './retry.js';
export type { CallEvent, ClientOptions, ErrorClassifier, HttpClientOptions, HttpMethod, ProviderHttpSpec, QueryValue, RequestSpec } from './types.js';

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
