import type { ProviderRegistry } from '../providers/registry.js';
import type { Asset, Change, ProviderName } from '../providers/types.js';

/** pino-compatible: the engine logs state changes (lease won or lost, provider down or back), never per event. */
export interface LiveLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** What one poll-loop tick did, for metrics and for tests that count upstream calls per tick. */
export interface TickInfo {
  provider: ProviderName;
  instanceId: string;
  /** This instance held the provider's lease (always true without Redis). */
  leader: boolean;
  /** Ids watched on any instance (`*`, a change-feed subscriber, included). */
  watched: number;
  /** The provider was asked this tick (false: not the leader, nothing watched, or backing off). */
  polled: boolean;
  /** The poll failed; the loop backs off. */
  error?: unknown;
}

export interface LiveEngineOptions {
  providers: ProviderRegistry;
  /** Period of every poll loop, in ms (config.pollIntervalMs). */
  pollIntervalMs: number;
  /** Events, the watch registry and poll leases go through Redis when set (config.redisUrl). */
  redisUrl?: string;
  /** This instance's name in leases and in the shared watch registry. Default: a random UUID. */
  instanceId?: string;
  /** How long a lease (and a watch-registry entry) outlives its last renewal. Default max(3 × pollIntervalMs, 3000). */
  leaseTtlMs?: number;
  /** Prefix of every Redis key and channel. Default 'assetfed:live:'. Tests use one per run. */
  keyPrefix?: string;
  /** Longest pause after repeated poll failures, in ms. Default max(30000, pollIntervalMs). */
  maxBackoffMs?: number;
  /** Calls in flight for per-id checks (Video Jungle). Default 8; pass config.upstream.concurrency. */
  concurrency?: number;
  logger?: LiveLogger;
  /** Called after every poll-loop tick. */
  onTick?: (info: TickInfo) => void;
}

export interface AssetKey {
  provider: ProviderName;
  id: string;
}

export interface LiveStats {
  /** Distinct assets watched on this instance. */
  watchedAssets: number;
  /** Open watch and changes iterators on this instance. */
  subscribers: number;
  /** Providers this instance polls now (holds the lease of). */
  polling: ProviderName[];
}

export interface LiveEngine {
  /**
   * The current state of each asset first (read in the fewest calls), then the asset each time its
   * status or a READY-only field (url, durationSeconds, sizeBytes) changes. Ends when every asset is
   * terminal (READY, FAILED, DELETED), when the signal aborts, or on close(). An unknown asset fails
   * the iterator with a NOT_FOUND DomainError before anything is yielded; a disabled provider with
   * PROVIDER_NOT_CONFIGURED.
   */
  watch(keys: readonly AssetKey[], signal?: AbortSignal): AsyncIterable<Asset>;
  /**
   * Change events of one provider (undefined: all enabled). Uplynk's own feed (replayed from `since`
   * when given); for the others the transitions the pollers observe and what mutations publish, from
   * now on (they keep no history; `since` only filters).
   */
  changes(provider: ProviderName | undefined, since: Date | undefined, signal?: AbortSignal): AsyncIterable<Change>;
  /** A mutation's result, delivered at once to every watcher on any instance. Default action UPDATED. */
  publish(asset: Asset, action?: 'CREATED' | 'UPDATED'): Promise<void>;
  publishDeleted(provider: ProviderName, id: string): Promise<void>;
  stats(): LiveStats;
  /** Stops the loops, releases leases and watch entries, ends every open iterator, quits Redis. */
  close(): Promise<void>;
}

/** One asset's news, as it travels on the bus. */
export interface LiveEntry {
  id: string;
  /** The asset as it now stands, when known (status DELETED once deleted). */
  asset: Asset | null;
  /** The asset is gone; with a null `asset`, a watcher marks its own last state DELETED. */
  deleted: boolean;
  /** The transition this is, for change streams; null when it is only an observation (a poller's first look). */
  change: Change | null;
}

/** Everything one provider's poller (or one mutation) has to say at once: one bus message. */
export interface LiveBatch {
  provider: ProviderName;
  entries: LiveEntry[];
}

/** The id a change-feed subscriber registers under: "everything of this provider". */
export const ALL_IDS = '*';
