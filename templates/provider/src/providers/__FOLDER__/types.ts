import type { AssetBase } from '../types.js';

/** A __LABEL__ asset: the fields every provider fills, and __LABEL__'s own. */
export interface __PASCAL__Asset extends AssetBase {
  provider: '__ENUM__';
  /** __LABEL__'s own status word (the normalised one is `status`). */
  state: string;
}
