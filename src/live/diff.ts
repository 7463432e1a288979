import type { Asset, AssetStatus } from '../providers/types.js';

const TERMINAL: ReadonlySet<AssetStatus> = new Set(['READY', 'FAILED', 'DELETED']);

/** READY, FAILED and DELETED: a watch ends once all its assets reach one. */
export function isTerminal(status: AssetStatus): boolean {
  return TERMINAL.has(status);
}

/**
 * Whether `next` is news to someone who saw `prev`: its status, or a field that is only filled once
 * the asset is READY. Names, metadata and timestamps change too often (and mean nothing to a
 * watcher waiting for READY) to count.
 */
export function hasChanged(prev: Asset, next: Asset): boolean {
  return prev.status !== next.status || prev.url !== next.url || prev.durationSeconds !== next.durationSeconds || prev.sizeBytes !== next.sizeBytes;
}

/**
 * Whether a watcher that last saw `prev` should take `next`. Messages can arrive late (a poll that
 * started before the watcher's own read), so a terminal state never goes back to a working one, and
 * nothing follows DELETED.
 */
export function supersedes(prev: Asset, next: Asset): boolean {
  if (prev.status === 'DELETED') return false;
  if (isTerminal(prev.status) && !isTerminal(next.status)) return false;
  return hasChanged(prev, next);
}

/** The asset as a deletion leaves it, when all that is known is its last state. */
export function asDeleted(asset: Asset): Asset {
  return { ...asset, status: 'DELETED' };
}
