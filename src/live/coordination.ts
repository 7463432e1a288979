import type { ProviderName } from '../providers/types.js';
import type { WatchRegistry } from './registry.js';

/**
 * What the poll loops need to share across instances: which ids anyone watches, who polls each
 * provider, and where a feed reader stopped. In one process all three are trivial; with Redis they
 * live there (src/live/redis/).
 */
export interface WatchDirectory {
  /** An id became watched on this instance (its first local watcher). */
  added(provider: ProviderName, id: string): Promise<void>;
  /** An id is no longer watched on this instance (its last local watcher left). */
  removed(provider: ProviderName, id: string): Promise<void>;
  /** Keeps this instance's ids of the provider alive in the shared view (every tick). */
  heartbeat(provider: ProviderName): Promise<void>;
  /** Ids watched on any instance, ALL_IDS included. */
  watched(provider: ProviderName): Promise<Set<string>>;
  /** Withdraws everything this instance watches. */
  clear(): Promise<void>;
}

export interface LeaseKeeper {
  /** Takes or renews the provider's lease; true while this instance is the one to poll it. */
  hold(provider: ProviderName): Promise<boolean>;
  /** Gives the lease up (only if still ours), so another instance takes over at its next tick. */
  release(provider: ProviderName): Promise<void>;
}

/** A poller's position in a provider's change feed, so the next lease holder resumes from it. */
export interface Checkpoints {
  load(provider: ProviderName): Promise<string | null>;
  /** Kept for `ttlMs`: a feed nobody has read for longer starts afresh rather than replaying a backlog. */
  save(provider: ProviderName, value: string, ttlMs: number): Promise<void>;
}

export interface Coordination {
  directory: WatchDirectory;
  leases: LeaseKeeper;
  checkpoints: Checkpoints;
}

/** One instance: it watches what its registry holds and always polls. */
export function createLocalCoordination(registry: WatchRegistry): Coordination {
  const saved = new Map<ProviderName, { value: string; until: number }>();
  return {
    directory: {
      added: async () => {},
      removed: async () => {},
      heartbeat: async () => {},
      watched: async (provider) => new Set(registry.ids(provider)),
      clear: async () => {},
    },
    leases: { hold: async () => true, release: async () => {} },
    checkpoints: {
      async load(provider) {
        const entry = saved.get(provider);
        return entry && entry.until > Date.now() ? entry.value : null;
      },
      async save(provider, value, ttlMs) {
        saved.set(provider, { value, until: Date.now() + ttlMs });
      },
    },
  };
}
