import { Redis } from 'ioredis';
import { type BucketSettings, type CostBucket, secondsUntil } from './bucket.js';

/**
 * The bucket as one Redis hash per caller, read and written by one script, so N instances charge one
 * budget and two operations of one caller never both spend the same calls. The time is Redis' own
 * (TIME), so instances' clocks need not agree. A full bucket expires: an idle caller holds no key.
 *
 * KEYS[1] the caller's hash; ARGV capacity, restore rate per second, amount, mode ("take": only when
 * the bucket holds the amount; "adjust": add the amount, which may be negative). Returns
 * { taken (1/0), available as a string }.
 */
const SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local amount = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'available', 'at')
local available = capacity
if state[1] then
  available = math.min(capacity, tonumber(state[1]) + (now - tonumber(state[2])) * rate)
end
local taken = 1
if ARGV[4] == 'take' then
  if available < amount then taken = 0 else available = available - amount end
else
  available = math.min(capacity, available + amount)
end
if taken == 1 then
  redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(now))
  local ms = math.ceil((capacity - available) / rate * 1000)
  if ms > 0 then redis.call('PEXPIRE', KEYS[1], ms) else redis.call('DEL', KEYS[1]) end
end
return { taken, tostring(available) }
`;

type Reply = [number, string];

/** `onUnavailable`: told once per outage (ioredis reports every reconnect attempt; one line is enough). */
export function createRedisBucket(url: string, prefix: string, settings: BucketSettings, onUnavailable: (error: Error) => void): CostBucket {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, connectionName: 'assetfed:cost' });
  let reported = false;
  redis.on('error', (error: Error) => {
    if (!reported) onUnavailable(error);
    reported = true;
  });
  redis.on('ready', () => {
    reported = false;
  });
  redis.defineCommand('assetfedCost', { numberOfKeys: 1, lua: SCRIPT });
  const run = (caller: string, amount: number, mode: 'take' | 'adjust') =>
    (redis as unknown as { assetfedCost(...args: (string | number)[]): Promise<Reply> }).assetfedCost(
      `${prefix}cost:${caller}`,
      settings.capacity,
      settings.restoreRate,
      amount,
      mode,
    );
  return {
    settings,
    async take(caller, cost) {
      const [taken, level] = await run(caller, cost, 'take');
      const available = Number(level);
      return taken === 1 ? { ok: true, available } : { ok: false, available, retryAfterSeconds: secondsUntil(settings, available, cost) };
    },
    async adjust(caller, delta) {
      const [, level] = await run(caller, delta, 'adjust');
      return Number(level);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
