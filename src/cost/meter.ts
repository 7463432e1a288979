import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the upstream calls an operation waits on: the operation's execution runs inside its meter
 * (src/plugins/use-cost.ts), and every call through the shared undici layer (providers/http/client.ts)
 * adds one to the meter of the async context that made it. A DataLoader batch runs in the context of
 * the load that scheduled it, so a request's batched reads count for that request. A call the shared
 * batcher (providers/shared-batcher.ts) makes for several operations' keys is counted once for each
 * of them, as Shopify's actualQueryCost would: every one of them waited on it.
 */
export class CostMeter {
  calls = 0;
}

const current = new AsyncLocalStorage<CostMeter>();

/** Runs `task` with `meter` counting its upstream calls (and those of everything it starts). */
export const metered = <T>(meter: CostMeter, task: () => T): T => current.run(meter, task);

/** The meter of the operation running here, if any: a shared call charges every operation that waits on it. */
export const currentMeter = (): CostMeter | undefined => current.getStore();

/** One upstream call, for the operation that made it (none outside an operation: the live poller). */
export function countUpstreamCall(): void {
  const meter = current.getStore();
  if (meter) meter.calls++;
}
