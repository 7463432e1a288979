import type { ProviderErrorKind } from '../errors/domain.js';
import type { Logger } from './logger.js';
import type { GuardEvent } from '../providers/guard/guard.js';
import type { CallEvent } from '../providers/http/index.js';
import type { ProviderName } from '../providers/types.js';

/**
 * Failures that point at the provider or at our credentials, worth an operator's attention. NOT_FOUND
 * and REJECTED answer what a caller asked for (an unknown id, an invalid edit), so they stay at debug:
 * otherwise any client could flood the warn level.
 */
const WARN_KINDS: ReadonlySet<ProviderErrorKind> = new Set(['UNAVAILABLE', 'RATE_LIMITED', 'UNAUTHORIZED', 'BAD_RESPONSE']);

/**
 * ClientOptions.onCall that logs every upstream call at debug (provider, endpoint template, status,
 * ms, attempt, error kind) and the failures above at warn. The event holds the endpoint template,
 * never the URL, so no id, query parameter or signature reaches the log from here.
 */
export function providerCallLogger(logger: Logger): (event: CallEvent) => void {
  return (event) => {
    const line = {
      provider: event.provider,
      endpoint: event.endpoint,
      status: event.status,
      ms: Math.round(event.durationMs * 10) / 10,
      attempt: event.attempt,
      error: event.error,
    };
    if (event.error && WARN_KINDS.has(event.error)) logger.warn(line, 'upstream call failed');
    else logger.debug(line, event.error ? 'upstream call failed' : 'upstream call');
  };
}

/**
 * ClientOptions.onGuard that logs breaker transitions (open at warn, the rest at info) and Retry-After
 * holds at info; queueing and refusals are per call, so debug (the metrics count them).
 */
export function providerGuardLogger(logger: Logger): (provider: ProviderName, event: GuardEvent) => void {
  return (provider, event) => {
    switch (event.type) {
      case 'breaker':
        if (event.state === 'open') logger.warn({ provider, breaker: event.state }, 'upstream circuit opened');
        else logger.info({ provider, breaker: event.state }, `upstream circuit ${event.state}`);
        break;
      case 'retry-after':
        logger.info({ provider, holdMs: event.holdMs }, 'upstream asked to retry after a delay');
        break;
      case 'wait':
        // Sub-millisecond waits are bookkeeping, not queueing; the histogram still counts them.
        if (event.waitedMs >= 1) logger.debug({ provider, waitedMs: Math.round(event.waitedMs) }, 'upstream call queued');
        break;
      case 'refused':
        logger.debug({ provider, reason: event.reason }, 'upstream call refused');
        break;
    }
  };
}
