import type { Asset } from '../../providers/types.js';
import type { AssetProvider } from '../../providers/port.js';
import type { LiveBatch } from '../types.js';
import { Snapshots } from './snapshots.js';
import type { PollResult, PollStrategy } from './strategy.js';

/**
 * Providers with a multi-get (Twelve Labs: `asset_ids`, 50 per call): every watched id that is not
 * terminal yet, in one `getAssets`, which the client splits into the provider's batch size. An id
 * missing from the answer was deleted.
 */
export function createBatchReadStrategy(assets: AssetProvider): PollStrategy {
  const snapshots = new Snapshots(assets.name);
  return {
    async poll(ids): Promise<PollResult> {
      snapshots.prune(ids);
      const due = snapshots.due(ids);
      if (due.length === 0) return { entries: [], polled: false };
      const found: Asset[] = await assets.getAssets(due);
      const at = new Date();
      const entries = [];
      const seen = new Set<string>();
      for (const asset of found) {
        seen.add(asset.providerId);
        const entry = snapshots.record(asset, at);
        if (entry) entries.push(entry);
      }
      for (const id of due) {
        const entry = seen.has(id) ? null : snapshots.gone(id, at);
        if (entry) entries.push(entry);
      }
      return { entries, polled: true };
    },
    reset: () => snapshots.clear(),
    observe: (batch: LiveBatch) => snapshots.observe(batch),
  };
}
