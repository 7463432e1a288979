import { GraphQLError } from 'graphql';
import type { BucketSettings } from './bucket.js';

/** Shopify's `extensions.cost`, on every response the cost plugin sees. */
export interface CostReport {
  requestedQueryCost: number;
  actualQueryCost: number;
  /** The caller's bucket after this operation was charged; null when the bucket could not be read. */
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

export function costReport(requested: number, actual: number, settings: BucketSettings, available: number | null): CostReport {
  return {
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus:
      available === null ? null : { maximumAvailable: settings.capacity, currentlyAvailable: Math.floor(available), restoreRate: settings.restoreRate },
  };
}

/** Estimated above MAX_QUERY_COST: refused before any upstream call. */
export const maxCostExceeded = (cost: number, maxCost: number) =>
  new GraphQLError(`This operation would cost ${cost} upstream calls; the most one operation may cost is ${maxCost}. Ask for fewer ids or smaller pages.`, {
    extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost },
  });

/** The caller's bucket cannot pay now: refused before any upstream call, with when it could. */
export const throttled = (cost: number, available: number, retryAfterSeconds: number) =>
  new GraphQLError(`This operation costs ${cost} upstream calls and your budget holds ${Math.floor(available)} now; retry in ${retryAfterSeconds} s.`, {
    extensions: { code: 'THROTTLED', cost, retryAfterSeconds },
  });
