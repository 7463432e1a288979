import type { ProviderName } from '../providers/types.js';
import type { WatchDirectory } from './coordination.js';
import type { EntryListener, WatchRegistry } from './registry.js';
import type { LiveLogger } from './types.js';

/**
 * Joins the local registry to the shared directory: an id's first local listener announces it, its
 * last one withdraws it. Announcements are not awaited by watchers (their first state is read
 * directly); they are kept so close() can wait for them before quitting Redis.
 */
export class Interest {
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly registry: WatchRegistry,
    private readonly directory: WatchDirectory,
    private readonly logger: LiveLogger,
  ) {}

  add(provider: ProviderName, id: string, listener: EntryListener): void {
    if (this.registry.add(provider, id, listener)) this.track(this.directory.added(provider, id), provider);
  }

  remove(provider: ProviderName, id: string, listener: EntryListener): void {
    if (this.registry.remove(provider, id, listener)) this.track(this.directory.removed(provider, id), provider);
  }

  /** Resolves once every announcement made so far has been answered. */
  async settled(): Promise<void> {
    await Promise.all([...this.inflight]);
  }

  private track(operation: Promise<void>, provider: ProviderName): void {
    // A failed announcement heals at the next heartbeat (which re-scores every local id) or expires.
    const settled = operation.catch((error: unknown) => {
      this.logger.warn({ provider, err: String(error) }, 'live: watch registry update failed');
    });
    this.inflight.add(settled);
    void settled.finally(() => this.inflight.delete(settled));
  }
}
