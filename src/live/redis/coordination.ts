import type { Redis } from 'ioredis';
import type { ProviderName } from '../../providers/types.js';
import type { Checkpoints, Coordination, LeaseKeeper, WatchDirectory } from '../coordination.js';
import type { WatchRegistry } from '../registry.js';

export interface RedisCoordinationOptions {
  prefix: string;
  instanceId: string;
  /** Lease, watch-entry and checkpoint lifetime after the last renewal. */
  ttlMs: number;
  providers: readonly ProviderName[];
}

// Compare-and-set: only the holder may extend or drop its lease, never one another instance took
// after ours expired.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Keys (prefix default 'assetfed:live:'):
 * - `watch:<provider>`: sorted set of `<instanceId>|<id>` scored by expiry (ms); each instance
 *   re-scores its own every tick, so a dead instance's ids lapse on their own;
 * - `lease:<provider>`: the poller's instanceId, with a PX expiry renewed every tick;
 * - `cursor:<provider>`: where the change-feed reader stopped (JSON), for the next lease holder.
 */
export function createRedisCoordination(redis: Redis, registry: WatchRegistry, options: RedisCoordinationOptions): Coordination {
  const { prefix, instanceId, ttlMs } = options;
  const key = (kind: string, provider: ProviderName) => `${prefix}${kind}:${provider}`;
  const member = (id: string) => `${instanceId}|${id}`;

  const directory: WatchDirectory = {
    async added(provider, id) {
      await redis.zadd(key('watch', provider), Date.now() + ttlMs, member(id));
    },
    async removed(provider, id) {
      await redis.zrem(key('watch', provider), member(id));
    },
    async heartbeat(provider) {
      const ids = registry.ids(provider);
      if (ids.length === 0) return;
      const expiry = Date.now() + ttlMs;
      await redis.zadd(key('watch', provider), ...ids.flatMap((id) => [expiry, member(id)]));
    },
    async watched(provider) {
      const k = key('watch', provider);
      const replies = await redis.multi().zremrangebyscore(k, '-inf', Date.now()).zrange(k, 0, -1).exec();
      const [error, members] = replies?.[1] ?? [new Error('transaction aborted'), null];
      if (error) throw error;
      const ids = new Set<string>();
      // Instance ids hold no '|'; asset ids may, so only the first one separates.
      for (const m of members as string[]) ids.add(m.slice(m.indexOf('|') + 1));
      return ids;
    },
    async clear() {
      for (const provider of options.providers) {
        const k = key('watch', provider);
        const mine = ((await redis.zrange(k, 0, -1)) as string[]).filter((m) => m.startsWith(`${instanceId}|`));
        if (mine.length > 0) await redis.zrem(k, ...mine);
      }
    },
  };

  const leases: LeaseKeeper = {
    async hold(provider) {
      const k = key('lease', provider);
      if ((await redis.eval(RENEW, 1, k, instanceId, ttlMs)) === 1) return true;
      return (await redis.set(k, instanceId, 'PX', ttlMs, 'NX')) === 'OK';
    },
    async release(provider) {
      await redis.eval(RELEASE, 1, key('lease', provider), instanceId);
    },
  };

  const checkpoints: Checkpoints = {
    load: (provider) => redis.get(key('cursor', provider)),
    async save(provider, value, checkpointTtlMs) {
      await redis.set(key('cursor', provider), value, 'PX', checkpointTtlMs);
    },
  };

  return { directory, leases, checkpoints };
}
