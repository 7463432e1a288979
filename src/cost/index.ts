import type { Config } from '../config/index.js';
import { type CostBucket, createMemoryBucket } from './bucket.js';
import { createRedisBucket } from './redis-bucket.js';
import type { Logger } from '../observability/logger.js';

/** The callers' buckets: in Redis when REDIS_URL is set (one budget across instances), else in memory. */
export function createCostBucket(config: Pick<Config, 'cost' | 'redisUrl' | 'redisKeyPrefix'>, logger: Logger): CostBucket {
  const settings = { capacity: config.cost.budget, restoreRate: config.cost.restoreRate };
  if (!config.redisUrl) return createMemoryBucket(settings);
  return createRedisBucket(config.redisUrl, config.redisKeyPrefix, settings, (error) =>
    logger.warn({ err: error }, 'cost budget: Redis unreachable; operations run without the bucket until it is back'),
  );
}
