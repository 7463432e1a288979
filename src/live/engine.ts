import { randomUUID } from 'node:crypto';
import type { ProviderClient } from '../providers/port.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { Asset, Change, ProviderName } from '../providers/types.js';
import { createMemoryBus, type LiveBus } from './bus.js';
import { openChanges } from './changes.js';
import { Channel } from './channel.js';
import { createLocalCoordination, type Checkpoints, type Coordination } from './coordination.js';
import { InitialReader } from './initial-read.js';
import { Interest } from './interest.js';
import { createBatchReadStrategy } from './poll/batch-read.js';
import { createCheckReadStrategy } from './poll/check-read.js';
import { createFeedReadStrategy } from './poll/feed-read.js';
import { PollLoop } from './poll/loop.js';
import type { PollStrategy } from './poll/strategy.js';
import { connectRedis, createRedisBus } from './redis/bus.js';
import { createRedisCoordination } from './redis/coordination.js';
import { WatchRegistry } from './registry.js';
import type { LiveEngine, LiveEngineOptions, LiveEntry, LiveLogger } from './types.js';
import { openWatch, type SubscriptionContext } from './watch.js';

const SILENT: LiveLogger = { warn() {}, info() {} };

interface StrategyDeps {
  providers: ProviderRegistry;
  checkpoints: Checkpoints;
  ttlMs: number;
  concurrency: number;
}

/**
 * The cheapest way each provider can be read, from what it can do: its change feed, else a readiness
 * check, else its multi-get; nothing for a provider whose assets are always finished.
 */
function strategyFor(provider: ProviderName, deps: StrategyDeps): PollStrategy | undefined {
  const client = deps.providers.get(provider) as ProviderClient;
  if (client.assets.statusless) return undefined;
  if (client.changes) {
    const { checkpoints, ttlMs } = deps;
    return createFeedReadStrategy({ assets: client.assets, feed: client.changes, checkpoints, checkpointTtlMs: ttlMs });
  }
  const status = client.status;
  if (status) return createCheckReadStrategy({ assets: client.assets, check: (id) => status.isReady(id), concurrency: deps.concurrency });
  return createBatchReadStrategy(client.assets);
}

/** The parts of an engine that outlive one subscription, built from its options. */
interface EngineParts {
  instanceId: string;
  topic: (provider: ProviderName) => string;
  ttlMs: number;
  logger: LiveLogger;
  registry: WatchRegistry;
  redis: ReturnType<typeof connectRedis> | undefined;
  bus: LiveBus;
  coordination: Coordination;
}

function engineParts(options: LiveEngineOptions): EngineParts {
  const instanceId = options.instanceId ?? randomUUID();
  // The shared watch registry separates the instance from the id with the first '|'.
  if (instanceId.includes('|')) throw new Error('instanceId must not contain "|"');
  const prefix = options.keyPrefix ?? 'assetfed:live:';
  const ttlMs = options.leaseTtlMs ?? Math.max(3 * options.pollIntervalMs, 3000);
  const logger = options.logger ?? SILENT;
  const registry = new WatchRegistry();
  const redis = options.redisUrl ? connectRedis(options.redisUrl, `assetfed-live:${instanceId}`, logger) : undefined;
  const bus = redis ? createRedisBus(redis, logger) : createMemoryBus();
  const providers = options.providers.enabled();
  const coordination = redis ? createRedisCoordination(redis.command, registry, { prefix, instanceId, ttlMs, providers }) : createLocalCoordination(registry);
  const topic = (provider: ProviderName) => `${prefix}events:${provider}`;
  return { instanceId, topic, ttlMs, logger, registry, redis, bus, coordination };
}

/** One poll loop per enabled provider that has something to poll, fed by its own topic on the bus. */
function startPollLoops(options: LiveEngineOptions, parts: EngineParts): Map<ProviderName, PollLoop> {
  const { providers, pollIntervalMs } = options;
  const { instanceId, bus, coordination, logger, registry, topic } = parts;
  const { directory, leases, checkpoints } = coordination;
  const deps = { providers, checkpoints, ttlMs: parts.ttlMs, concurrency: options.concurrency ?? 8 };
  const maxBackoffMs = options.maxBackoffMs ?? Math.max(30_000, pollIntervalMs);
  const common = { instanceId, directory, leases, bus, pollIntervalMs, maxBackoffMs, logger, onTick: options.onTick };
  const loops = new Map<ProviderName, PollLoop>();
  for (const provider of providers.enabled()) {
    const strategy = strategyFor(provider, deps);
    if (strategy) loops.set(provider, new PollLoop({ ...common, provider, strategy, topic: topic(provider) }));
  }
  for (const provider of providers.enabled()) {
    bus.subscribe(topic(provider), (batch) => {
      if (batch.provider !== provider) return;
      loops.get(provider)?.observe(batch);
      registry.dispatch(batch);
    });
  }
  for (const loop of loops.values()) loop.start();
  return loops;
}

/** What a mutation tells the watchers of its asset: the entry, and a Change unless the feed reports it. */
function mutationPublisher(providers: ProviderRegistry, parts: EngineParts, isClosing: () => boolean) {
  /** A feed provider reports mutations in its own feed: publishing a Change too would show it twice. */
  const hasFeed = (provider: ProviderName) => providers.has(provider) && Boolean(providers.get(provider).changes);
  async function send(provider: ProviderName, entry: LiveEntry): Promise<void> {
    if (isClosing()) return;
    try {
      await parts.bus.publish(parts.topic(provider), { provider, entries: [entry] });
    } catch (error) {
      // The mutation itself succeeded; its watchers will still see the change at the next poll.
      parts.logger.warn({ provider, err: String(error) }, 'live: publishing a mutation failed');
    }
  }
  return {
    async publish(asset: Asset, action: 'CREATED' | 'UPDATED' = 'UPDATED') {
      const deleted = asset.status === 'DELETED';
      const { provider, providerId } = asset;
      const change: Change | null = hasFeed(provider) ? null : { provider, providerId, action: deleted ? 'DELETED' : action, at: new Date(), asset };
      await send(provider, { id: providerId, asset, deleted, change });
    },
    async publishDeleted(provider: ProviderName, id: string) {
      const change: Change | null = hasFeed(provider) ? null : { provider, providerId: id, action: 'DELETED', at: new Date(), asset: null };
      await send(provider, { id, asset: null, deleted: true, change });
    },
  };
}

/** The live-status engine: see LiveEngine. One per process; close() it on shutdown. */
export function createLiveEngine(options: LiveEngineOptions): LiveEngine {
  const { providers } = options;
  const parts = engineParts(options);
  const { registry, bus, coordination, logger } = parts;
  const interest = new Interest(registry, coordination.directory, logger);
  const ctx: SubscriptionContext = { providers, interest, reader: new InitialReader(providers), bus, open: new Set() };
  const loops = startPollLoops(options, parts);
  let closing: Promise<void> | undefined;

  async function close(): Promise<void> {
    for (const channel of [...ctx.open]) channel.end();
    await Promise.all([...loops.values()].map((loop) => loop.stop()));
    await interest.settled();
    await coordination.directory.clear().catch((error: unknown) => {
      logger.warn({ err: String(error) }, 'live: clearing the watch registry failed');
    });
    await bus.close();
    await parts.redis?.quit();
  }

  return {
    watch(keys, signal) {
      return { [Symbol.asyncIterator]: () => (closing ? ended<Asset>() : openWatch(ctx, keys, signal)) };
    },
    changes(provider, since, signal) {
      return { [Symbol.asyncIterator]: () => (closing ? ended<Change>() : openChanges(ctx, provider, since, signal)) };
    },
    ...mutationPublisher(providers, parts, () => closing !== undefined),
    stats() {
      return {
        watchedAssets: registry.watchedAssets(),
        subscribers: ctx.open.size,
        polling: [...loops].filter(([, loop]) => loop.leader).map(([provider]) => provider),
      };
    },
    close() {
      closing ??= close();
      return closing;
    },
  };
}

function ended<T>(): Channel<T> {
  const channel = new Channel<T>(() => {});
  channel.end();
  return channel;
}
