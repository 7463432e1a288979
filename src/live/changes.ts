import { ReplayLimitError } from '../errors/domain.js';
import type { Change, ProviderName } from '../providers/types.js';
import type { ChangeFeedSource } from '../providers/port.js';
import type { Channel } from './channel.js';
import { changeKey } from './poll/feed-read.js';
import type { EntryListener } from './registry.js';
import { ALL_IDS } from './types.js';
import { listen, type SubscriptionContext } from './watch.js';

/** How many recent change keys an iterator remembers to drop a change it already delivered. */
const RECENT_KEYS = 1000;

/**
 * Feed reads one replay (`assetChanges(since)`) makes per provider at most. It is the replay's price
 * in the cost model (resolvers/subscription/assets.ts), which must never be below what an operation
 * spends; a feed holding more since then ends the subscription with REPLAY_LIMIT_EXCEEDED after
 * what was read, naming the `since` to read on from.
 */
export const REPLAY_MAX_READS = 10;

/** A first-in-first-out set of bounded size. */
class RecentKeys {
  private readonly keys = new Set<string>();

  /** False when the key was already there. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > RECENT_KEYS) this.keys.delete(this.keys.values().next().value!);
    return true;
  }
}

/**
 * One change stream over one provider or all. Listens under ALL_IDS (which also keeps a feed
 * provider's poller reading its feed); with `since`, first replays what the providers' own feeds
 * hold from then on, buffering live changes meanwhile, and drops what both delivered.
 */
export function openChanges(ctx: SubscriptionContext, provider: ProviderName | undefined, since: Date | undefined, signal?: AbortSignal): Channel<Change> {
  const recent = new RecentKeys();
  let early: Change[] | null = since ? [] : null;
  const emit = (change: Change) => {
    if (recent.add(`${change.provider}|${changeKey(change)}`)) channel.push(change);
  };
  const listener: EntryListener = (_provider, entry) => {
    const change = entry.change;
    if (!change || (since && change.at < since)) return;
    if (early) early.push(change);
    else emit(change);
  };
  let providers: ProviderName[] = [];
  const keys = () => {
    if (provider) ctx.providers.get(provider);
    providers = provider ? [provider] : ctx.providers.enabled();
    return providers.map((p) => ({ provider: p, id: ALL_IDS }));
  };
  const channel = listen<Change>(ctx, keys, listener, signal);
  if (since && !channel.closed) void replay(since);
  return channel;

  // The whole replay is read before any of it is delivered, so the first event (which carries the
  // operation's cost) comes after every read it paid for; REPLAY_MAX_READS bounds what is held.
  async function replay(from: Date): Promise<void> {
    const replayed: Change[] = [];
    let failure: unknown;
    try {
      await ctx.bus.ready();
      for (const p of providers) {
        const feed = ctx.providers.get(p).changes;
        if (feed) await readFeed(p, feed, from, { recent, channel, into: replayed });
      }
    } catch (error) {
      failure = error;
    }
    for (const change of replayed) channel.push(change);
    if (failure !== undefined) return channel.fail(failure);
    const buffered = early ?? [];
    early = null;
    for (const change of buffered) emit(change);
  }
}

/**
 * One feed's replay, page by page until a page brings nothing new (the feed has caught up with now)
 * or REPLAY_MAX_READS: into `into`, each change once (`recent`), until the channel closes.
 */
async function readFeed(
  provider: ProviderName,
  feed: ChangeFeedSource,
  from: Date,
  { recent, channel, into }: { recent: RecentKeys; channel: Channel<Change>; into: Change[] },
): Promise<void> {
  let cursor = from;
  for (let reads = 0; !channel.closed; reads++) {
    if (reads === REPLAY_MAX_READS) throw new ReplayLimitError(provider, cursor, REPLAY_MAX_READS);
    const page = await feed.changesSince(cursor);
    let fresh = 0;
    for (const change of page.changes) {
      if (change.at < from || !recent.add(`${change.provider}|${changeKey(change)}`)) continue;
      fresh++;
      into.push(change);
    }
    if (fresh === 0 || page.next.getTime() <= cursor.getTime()) return;
    cursor = page.next;
  }
}
