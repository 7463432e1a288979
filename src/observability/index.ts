import type { Logger } from './logger.js';
import type { GuardEvent } from '../providers/guard/guard.js';
import type { CallEvent } from '../providers/http/index.js';
import type { ProviderName } from '../providers/types.js';
import type { Metrics } from './metrics.js';
import { providerCallLogger, providerGuardLogger } from './upstream-log.js';

export { BREAKER_VALUE, createMetrics, type HealthSource, type Metrics, type MetricsOptions } from './metrics.js';
export { readiness, readinessResponse, useReadiness, type Readiness } from './readiness.js';
export { createRequestLogging, type RequestLogging, type RequestLoggingOptions, type RequestSummary } from './request-log.js';
export { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
export { providerCallLogger, providerGuardLogger } from './upstream-log.js';

/** The registry's onCall and onGuard, feeding both the logs and the metrics. */
export function upstreamObservers(
  logger: Logger,
  metrics: Pick<Metrics, 'onCall' | 'onGuard'>,
): { onCall: (event: CallEvent) => void; onGuard: (provider: ProviderName, event: GuardEvent) => void } {
  const logCall = providerCallLogger(logger);
  const logGuard = providerGuardLogger(logger);
  return {
    onCall(event) {
      logCall(event);
      metrics.onCall(event);
    },
    onGuard(provider, event) {
      logGuard(provider, event);
      metrics.onGuard(provider, event);
    },
  };
}
