import type { ProviderName } from '../../providers/types.js';
import { Backoff } from '../backoff.js';
import type { LiveBus } from '../bus.js';
import type { LeaseKeeper, WatchDirectory } from '../coordination.js';
import type { LiveBatch, LiveLogger, TickInfo } from '../types.js';
import type { PollResult, PollStrategy } from './strategy.js';

export interface PollLoopOptions {
  provider: ProviderName;
  instanceId: string;
  strategy: PollStrategy;
  directory: WatchDirectory;
  leases: LeaseKeeper;
  bus: LiveBus;
  topic: string;
  pollIntervalMs: number;
  maxBackoffMs: number;
  logger: LiveLogger;
  onTick?: ((info: TickInfo) => void) | undefined;
}

/**
 * One provider's loop, on every instance. Each tick keeps this instance's watch entries alive and
 * renews (or tries to take) the provider's lease; only the lease holder then reads the provider. The
 * tick keeps its pace while the provider is failing, so the lease never lapses during a backoff: the
 * backoff only decides when the provider is next called.
 */
export class PollLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private isLeader = false;
  private nextPollAt = 0;
  /** Logged once per outage, not per tick. */
  private coordinationDown = false;
  private readonly backoff: Backoff;

  constructor(private readonly options: PollLoopOptions) {
    this.backoff = new Backoff({ baseMs: options.pollIntervalMs, maxMs: options.maxBackoffMs });
  }

  get leader(): boolean {
    return this.isLeader;
  }

  start(): void {
    this.schedule(0);
  }

  /** A batch from the bus, for the strategy's memory of what was seen. */
  observe(batch: LiveBatch): void {
    this.options.strategy.observe(batch);
  }

  /** Waits for the tick in flight, then gives the lease up. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    if (this.isLeader) {
      this.isLeader = false;
      await this.options.leases.release(this.options.provider).catch((error: unknown) => {
        this.options.logger.warn({ provider: this.options.provider, err: String(error) }, 'live: lease release failed');
      });
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => {
          this.options.logger.warn({ provider: this.options.provider, err: String(error) }, 'live: tick failed');
        })
        .finally(() => {
          this.running = undefined;
          this.schedule(this.options.pollIntervalMs);
        });
    }, delayMs);
    // The loops serve open subscriptions; they alone must not keep a process alive.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const { provider, instanceId, directory, logger } = this.options;
    const info: TickInfo = { provider, instanceId, leader: false, watched: 0, polled: false };
    try {
      await directory.heartbeat(provider);
      info.leader = await this.hold();
      if (info.leader) await this.pollIfDue(info);
      if (this.coordinationDown) logger.info({ provider }, 'live: coordination back');
      this.coordinationDown = false;
    } catch (error) {
      // Redis trouble: without a lease, polling would risk two pollers; wait for the next tick.
      info.error = error;
      this.setLeader(false);
      if (!this.coordinationDown) logger.warn({ provider, err: String(error) }, 'live: coordination failed');
      this.coordinationDown = true;
    }
    this.options.onTick?.(info);
  }

  private async hold(): Promise<boolean> {
    const held = await this.options.leases.hold(this.options.provider);
    this.setLeader(held);
    return held;
  }

  private setLeader(leader: boolean): void {
    if (leader === this.isLeader) return;
    this.isLeader = leader;
    // Another instance polls (or polled) meanwhile: what this one saw is stale either way.
    this.options.strategy.reset();
    this.options.logger.info(
      { provider: this.options.provider, instanceId: this.options.instanceId },
      leader ? 'live: polling (lease taken)' : 'live: not polling (lease held elsewhere)',
    );
  }

  private async pollIfDue(info: TickInfo): Promise<void> {
    const { provider, strategy, directory, bus, topic, logger } = this.options;
    const ids = await directory.watched(provider);
    info.watched = ids.size;
    if (Date.now() < this.nextPollAt) return;
    let result: PollResult;
    try {
      result = await strategy.poll(ids);
    } catch (error) {
      info.polled = true;
      return this.failed(info, error);
    }
    info.polled = result.polled;
    if (result.entries.length > 0) {
      try {
        await bus.publish(topic, { provider, entries: result.entries });
      } catch (error) {
        // Undelivered news must not count as seen: start over, and watchers diff the fresh reads.
        strategy.reset();
        logger.warn({ provider, err: String(error) }, 'live: publishing failed');
      }
    }
    if (result.error !== undefined) return this.failed(info, result.error);
    if (this.backoff.failureCount > 0) logger.info({ provider }, 'live: provider answers again');
    this.backoff.succeeded();
  }

  private failed(info: TickInfo, error: unknown): void {
    info.error = error;
    const delayMs = this.backoff.failed(error);
    this.nextPollAt = Date.now() + delayMs;
    if (this.backoff.failureCount === 1) {
      this.options.logger.warn({ provider: this.options.provider, err: String(error), retryInMs: delayMs }, 'live: provider poll failed; backing off');
    }
  }
}
