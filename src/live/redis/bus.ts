import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { ServiceUnavailableError } from '../../errors/domain.js';
import type { LiveBus } from '../bus.js';
import { deserialize, serialize } from '../serializer.js';
import type { LiveBatch, LiveLogger } from '../types.js';

export interface RedisClients {
  /** Commands and PUBLISH. */
  command: Redis;
  /** SUBSCRIBE only: a connection in subscriber mode can send nothing else. */
  subscriber: Redis;
  quit(): Promise<void>;
}

/**
 * The two connections, failing a command after two reconnection attempts rather than queueing it
 * for ever: a poll tick that cannot reach Redis gives up and tries again next tick. Connection errors
 * are logged once per outage, not per retry.
 */
export function connectRedis(url: string, name: string, logger: LiveLogger): RedisClients {
  const command = new Redis(url, { maxRetriesPerRequest: 2, connectionName: name });
  const subscriber = command.duplicate({ connectionName: `${name}:sub` });
  for (const [role, client] of [
    ['command', command],
    ['subscriber', subscriber],
  ] as const) {
    let down = false;
    client.on('error', (error: Error) => {
      if (!down) logger.warn({ role, err: error.message }, 'live: Redis connection failed');
      down = true;
    });
    client.on('ready', () => {
      if (down) logger.info({ role }, 'live: Redis connection back');
      down = false;
    });
  }
  return {
    command,
    subscriber,
    async quit() {
      // QUIT waits for Redis to answer; with Redis unreachable that could be never, so give it a
      // moment and then drop the connection regardless (which also stops reconnecting).
      await Promise.all(
        [command, subscriber].map(async (c) => {
          await Promise.race([c.quit().catch(() => undefined), sleep(1000, undefined, { ref: false })]);
          c.disconnect();
        }),
      );
    },
  };
}

/**
 * Subscribe/unsubscribe as the event target calls them: it drops their promises, and a failure would
 * surface as an unhandled rejection. Every other property is the client's own.
 */
function guardSubscriber(client: Redis, logger: LiveLogger): Redis {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'subscribe' || property === 'unsubscribe') {
        return (...channels: string[]) =>
          target[property](...channels).catch((error: unknown) => {
            logger.warn({ err: String(error) }, `live: Redis ${property} failed`);
          });
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function isBatch(value: unknown): value is LiveBatch {
  const batch = value as Partial<LiveBatch> | null;
  return typeof batch === 'object' && batch !== null && typeof batch.provider === 'string' && Array.isArray(batch.entries);
}

/**
 * Batches through Redis pub/sub: @graphql-yoga/redis-event-target delivers them (one SUBSCRIBE per
 * provider channel, Dates revived by our serializer); publishing is a plain awaited PUBLISH so a
 * mutation knows when its event left and a failure is ours to handle.
 */
export function createRedisBus(clients: RedisClients, logger: LiveLogger): LiveBus {
  const serializer = {
    stringify: serialize,
    // A message that is not ours (or not JSON) must not throw inside ioredis' message handler.
    parse: (text: string): unknown => {
      try {
        return deserialize(text);
      } catch {
        return null;
      }
    },
  };
  const target = createRedisEventTarget<CustomEvent<unknown>>({
    publishClient: clients.command,
    subscribeClient: guardSubscriber(clients.subscriber, logger),
    serializer,
  });
  const topics = new Set<string>();
  let subscribed: Promise<void> | undefined;
  return {
    async publish(topic, batch) {
      await clients.command.publish(topic, serialize(batch));
    },
    subscribe(topic, handler) {
      topics.add(topic);
      subscribed = undefined;
      target.addEventListener(topic, (event) => {
        const detail: unknown = event.detail;
        if (!isBatch(detail)) return logger.warn({ topic }, 'live: ignored a malformed bus message');
        try {
          handler(detail);
        } catch (error) {
          logger.warn({ topic, err: String(error) }, 'live: a bus listener failed');
        }
      });
    },
    ready() {
      // SUBSCRIBE again is harmless and, unlike the target's own call, can be awaited.
      subscribed ??= clients.subscriber.subscribe(...topics).then(
        () => undefined,
        (error: unknown) => {
          subscribed = undefined;
          logger.warn({ err: String(error) }, 'live: subscribing on Redis failed');
          // The caller's subscription cannot start; say why with a code (the URL stays out of it).
          throw new ServiceUnavailableError('Live updates are unavailable: this server cannot reach its Redis. Retry later.');
        },
      );
      return subscribed;
    },
    close: async () => {},
  };
}
