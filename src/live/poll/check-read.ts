import { mapLimit } from '../../providers/concurrency.js';
import { InvalidInputError, ProviderError } from '../../errors/domain.js';
import type { Asset } from '../../providers/types.js';
import type { AssetProvider } from '../../providers/port.js';
import type { LiveEntry } from '../types.js';
import { Snapshots } from './snapshots.js';
import type { PollResult, PollStrategy } from './strategy.js';

export interface CheckReadOptions {
  assets: AssetProvider;
  /** Whether an asset's file is in yet (Video Jungle's GET /assets/check/{id}); NOT_FOUND when it is gone. */
  check(id: string): Promise<boolean>;
  concurrency: number;
}

type Outcome = { id: string; asset?: Asset | null; uploaded?: boolean; error?: unknown };

/** Gone, or an id Video Jungle cannot have (not a UUID): either way there is nothing to poll. */
const isNotFound = (error: unknown) => (error instanceof ProviderError && error.kind === 'NOT_FOUND') || error instanceof InvalidInputError;

/**
 * Providers without a multi-get but with a cheap readiness check (Video Jungle): a watched asset is
 * read in full once, then only checked each tick until it turns uploaded, when it is read again.
 * Each id is its own call, at most `concurrency` at once; one failing id does not hold back the others.
 */
export function createCheckReadStrategy(options: CheckReadOptions): PollStrategy {
  const { assets, check, concurrency } = options;
  const snapshots = new Snapshots(assets.name);

  const read = (id: string): Promise<Outcome> =>
    assets.getAssets([id]).then(
      (found) => ({ id, asset: found[0] ?? null }),
      (error: unknown) => (isNotFound(error) ? { id, asset: null } : { id, error }),
    );
  const probe = (id: string): Promise<Outcome> =>
    check(id).then(
      (uploaded) => ({ id, uploaded }),
      (error: unknown) => (isNotFound(error) ? { id, asset: null } : { id, error }),
    );

  return {
    async poll(ids): Promise<PollResult> {
      snapshots.prune(ids);
      const due = snapshots.due(ids);
      if (due.length === 0) return { entries: [], polled: false };
      // The first look is a full read: a check alone would leave nothing to diff the next read against.
      const first = due.filter((id) => !snapshots.known(id));
      const probed = await mapLimit(
        due.filter((id) => snapshots.known(id)),
        concurrency,
        probe,
      );
      const landed = probed.filter((o) => o.uploaded === true).map((o) => o.id);
      const reads = await mapLimit([...first, ...landed], concurrency, read);
      const at = new Date();
      const entries: LiveEntry[] = [];
      let error: unknown;
      for (const outcome of [...probed, ...reads]) {
        if (outcome.error !== undefined) error ??= outcome.error;
        else if (outcome.asset === null) push(entries, snapshots.gone(outcome.id, at));
        else if (outcome.asset) push(entries, snapshots.record(outcome.asset, at));
      }
      // Every call failed: nothing was learnt, so it is the provider that is down.
      if (error !== undefined && entries.length === 0 && probed.concat(reads).every((o) => o.error !== undefined)) {
        throw error;
      }
      return error === undefined ? { entries, polled: true } : { entries, polled: true, error };
    },
    reset: () => snapshots.clear(),
    observe: (batch) => snapshots.observe(batch),
  };
}

function push(entries: LiveEntry[], entry: LiveEntry | null): void {
  if (entry) entries.push(entry);
}
