import type { AssetProvider, ChangeFeedSource } from '../../providers/port.js';
import type { Change } from '../../providers/types.js';
import type { Checkpoints } from '../coordination.js';
import { ALL_IDS, type LiveEntry } from '../types.js';
import type { PollResult, PollStrategy } from './strategy.js';

export interface FeedReadOptions {
  assets: AssetProvider;
  feed: ChangeFeedSource;
  checkpoints: Checkpoints;
  /** How long the position outlives the last tick that saved it. */
  checkpointTtlMs: number;
}

/** A change's identity: the feed re-reports the change at its boundary, and this spots it. */
export const changeKey = (c: Pick<Change, 'providerId' | 'action' | 'at'>) => `${c.providerId}|${c.action}|${c.at.getTime()}`;

interface Position {
  cursor: Date;
  /** Keys of the changes at exactly `cursor`, already delivered. */
  seen: Set<string>;
}

function encode(p: Position): string {
  return JSON.stringify({ cursor: p.cursor.getTime(), seen: [...p.seen] });
}

function decode(text: string | null): Position | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as { cursor?: unknown; seen?: unknown };
    if (typeof raw.cursor !== 'number' || !Array.isArray(raw.seen)) return null;
    return { cursor: new Date(raw.cursor), seen: new Set(raw.seen.filter((k): k is string => typeof k === 'string')) };
  } catch {
    return null;
  }
}

/**
 * Providers with a change feed (Uplynk): ONE feed call per tick covers every watched asset, however
 * many, and every feed subscriber. Starting afresh (nothing watched before, no position saved by a
 * previous lease holder) the watched assets are read once in batches, after the position is set, so
 * nothing between the two is missed. Entries carry the asset as the feed sends it.
 */
export function createFeedReadStrategy(options: FeedReadOptions): PollStrategy {
  const { assets, feed, checkpoints, checkpointTtlMs } = options;
  let position: Position | null = null;

  // Losing a checkpoint only makes the next lease holder start afresh; it must not fail a tick whose
  // changes are already read (they would be lost with it).
  const save = (p: Position) => checkpoints.save(assets.name, encode(p), checkpointTtlMs).catch(() => undefined);

  async function start(ids: ReadonlySet<string>): Promise<PollResult> {
    position = decode(await checkpoints.load(assets.name));
    if (position) return read(ids);
    // The position is taken before the read, and kept only if the read succeeds.
    const fresh: Position = { cursor: new Date(), seen: new Set() };
    const watched = [...ids].filter((id) => id !== ALL_IDS);
    const found = watched.length === 0 ? [] : await assets.getAssets(watched);
    position = fresh;
    await save(fresh);
    const entries = found.map((asset): LiveEntry => ({ id: asset.providerId, asset, deleted: false, change: null }));
    return { entries, polled: watched.length > 0 };
  }

  async function read(ids: ReadonlySet<string>): Promise<PollResult> {
    const from = position!;
    const page = await feed.changesSince(from.cursor);
    const fresh = page.changes.filter((c) => !from.seen.has(changeKey(c)));
    const atEnd = page.changes.filter((c) => c.at.getTime() === page.next.getTime()).map(changeKey);
    // A page that did not move keeps what it saw at the same boundary before.
    const seen = page.next.getTime() === from.cursor.getTime() ? new Set([...from.seen, ...atEnd]) : new Set(atEnd);
    const entries: LiveEntry[] = fresh.map((change) => ({
      id: change.providerId,
      asset: change.asset,
      deleted: change.action === 'DELETED' || change.asset?.status === 'DELETED',
      change,
    }));
    // A change without the asset says nothing a watcher can diff: read those that are watched.
    const unknown = fresh.filter((c) => !c.asset && c.action !== 'DELETED' && ids.has(c.providerId));
    if (unknown.length > 0) {
      const found = await assets.getAssets([...new Set(unknown.map((c) => c.providerId))]);
      for (const asset of found) entries.push({ id: asset.providerId, asset, deleted: false, change: null });
    }
    position = { cursor: page.next, seen };
    await save(position);
    return { entries, polled: true };
  }

  return {
    async poll(ids) {
      if (ids.size === 0) {
        // Nobody listens: a later watcher reads the current state itself, no backlog to replay.
        position = null;
        return { entries: [], polled: false };
      }
      return position === null ? start(ids) : read(ids);
    },
    reset() {
      position = null;
    },
    observe() {},
  };
}
