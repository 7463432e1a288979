import type { TestProject } from 'vitest/node';
import { findOrStartRedis } from './redis.js';

/**
 * Runs once per `vitest run`: finds a Redis for the live-status tests (or starts a throwaway one) and
 * hands its URL to the test processes; the returned teardown stops what was started here.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await findOrStartRedis();
  project.provide('redisUrl', redis.url ?? '');
  return () => redis.stop();
}
