import type { Config } from '../config/index.js';
import { type CostBucket, createMemoryBucket } from './bucket.js';
import { createRedisBucket } from './redis-bucket.js';

/** The callers' buckets: in Redis when REDIS_URL is set (one budget across instances), else in memory. */
export function createCostBucket(config: Pick<Config, 'cost' | 'redisUrl' | 'redisKeyPrefix'>): CostBucket {
  const settings = { capacity: config.cost.budget, restoreRate: config.cost.restoreRate };
  return config.redisUrl ? createRedisBucket(config.redisUrl, config.redisKeyPrefix, settings) : createMemoryBucket(settings);
}
