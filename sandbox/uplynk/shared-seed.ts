import { SeededRandom } from '../random.js';
import { makeAsset, type SandboxAsset } from './seed.js';

/** Shared assets: more than one `/asset/list` page, so paging with them is exercised. */
export const SHARED_ASSET_COUNT = 150;
/** The library a partner account shares with the sandbox's account. */
export const SHARED_LIBRARY = '5c0ffee15a4e4b0d9e2f7a6b3c8d1e09';

/**
 * Another account's library, shared with this one: assets like the sandbox's own (same dates, so the
 * two lists interleave), from a PRNG of their own so the own library stays as it was. They belong to
 * the other account, so they carry none of this account's external ids.
 */
export function createSharedAssets(taken: ReadonlySet<string>): SandboxAsset[] {
  const rng = new SeededRandom(0x5ba7ed);
  const seen = new Set(taken);
  const shared: SandboxAsset[] = [];
  for (let i = 0; i < SHARED_ASSET_COUNT; i++) {
    let id = rng.hex(32);
    while (seen.has(id)) id = rng.hex(32);
    seen.add(id);
    shared.push({ ...makeAsset(rng, i, id), external_id: null, libraries: [SHARED_LIBRARY] });
  }
  return shared;
}
