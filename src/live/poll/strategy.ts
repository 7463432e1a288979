import type { LiveBatch, LiveEntry } from '../types.js';

export interface PollResult {
  /** What changed (or was seen for the first time) since the last poll. */
  entries: LiveEntry[];
  /** Whether the provider was called at all. */
  polled: boolean;
  /** A failure after partial success: the entries still go out, and the loop backs off. */
  error?: unknown;
}

/** How one provider is read each tick: the fewest calls that cover every watched id. */
export interface PollStrategy {
  /** Reads what `ids` (watched on any instance, ALL_IDS included) need; throws when nothing could be read. */
  poll(ids: ReadonlySet<string>): Promise<PollResult>;
  /** Forgets what it has seen: another instance polled meanwhile, or an event could not be published. */
  reset(): void;
  /** A batch from the bus (a mutation, another poller) keeps what it has seen current. */
  observe(batch: LiveBatch): void;
}
