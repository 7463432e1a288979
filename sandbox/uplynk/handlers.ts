import type { FrameRenderer } from './frames.js';
import { boolParam, intParam, Rejection, stringListParam, stringParam, timecodeParam, type Params } from './params.js';
import type { SandboxAsset } from './seed.js';
import { ORDER_KEYS, type OrderKey, type OrderTerm, type UplynkStore } from './store.js';
import { createWriteHandlers, type WriteHandlers } from './writes.js';

export const MAX_GET = 1000;
export const MAX_THUMB_RANGE_MS = 1000;
const ID_PARAMS = ['id', 'external_id', 'ids', 'external_ids'] as const;

/** The body of a successful reply (`error: 0` where Uplynk's samples show it). */
export type Reply = Record<string, unknown>;

/** Reads here; `update` and `delete` from writes.ts. */
export interface Handlers extends WriteHandlers {
  get(params: Params): Reply;
  list(params: Params): Reply;
  changes(params: Params, nowMs: number): Reply;
  getframe(params: Params): Reply;
  getthumbs(params: Params): Reply;
}

export function createHandlers(store: UplynkStore, frames: FrameRenderer): Handlers {
  return {
    ...createWriteHandlers(store),

    get(params) {
      const given = ID_PARAMS.filter((name) => params[name] !== undefined);
      if (given.length !== 1) throw new Rejection('Specify exactly one of id, external_id, ids or external_ids');
      const name = given[0]!;
      if (name === 'id' || name === 'external_id') {
        // The documented single form: `asset`, and an error when there is no such asset.
        return { asset: single(store, params, name), error: 0 };
      }
      const keys = stringListParam(params, name);
      if (keys.length > MAX_GET) throw new Rejection(`A maximum of ${MAX_GET} assets may be retrieved per request`);
      // The list form's reply key is undocumented; `assets` is the likeliest [I].
      return { assets: store.getMany(keys, name === 'ids' ? 'id' : 'external_id', true), error: 0 };
    },

    list(params) {
      const limit = intParam(params, 'limit', 100);
      if (limit < 1 || limit > 100) throw new Rejection('limit must be between 1 and 100');
      const skip = intParam(params, 'skip', 0);
      if (skip < 0) throw new Rejection('skip must not be negative');
      // Unspecified default order [I]: newest first, as the CMS shows the library.
      const order = parseOrder(stringParam(params, 'order') ?? '-created');
      const query = stringParam(params, 'query') ?? stringParam(params, 'search');
      // Shared libraries are listed unless excluded (the docs: "Set to true to exclude content from
      // shared libraries"), in their own list beside `assets`.
      const shared = boolParam(params, 'ignore_shared_libraries', false) ? [] : store.list(order, skip, limit, query, 'shared');
      return { assets: store.list(order, skip, limit, query), shared_assets: shared, error: 0 };
    },

    changes(params, nowMs) {
      const start = intParam(params, 'start');
      if (start < 0) throw new Rejection('start must not be negative');
      const reply = store.changesFrom(start, nowMs);
      return { changes: reply.changes, assets: reply.assets, start, end: reply.end, error: 0 };
    },

    getframe(params) {
      const asset = playable(single(store, params, 'id'));
      const ts = timecodeParam(params, 'ts');
      if (ts > asset.duration * 1000) throw new Rejection('ts is beyond the end of the asset');
      // The docs' sample reply is `{img}` alone, without `error`.
      return { img: frames.frame(asset.id, ts) };
    },

    getthumbs(params) {
      const given = (['id', 'external_id'] as const).filter((name) => params[name] !== undefined);
      if (given.length !== 1) throw new Rejection('Specify either id or external_id');
      const asset = playable(single(store, params, given[0]!));
      const start = timecodeParam(params, 'start');
      const stop = timecodeParam(params, 'stop', start + MAX_THUMB_RANGE_MS);
      if (stop <= start) throw new Rejection('stop must be after start');
      if (stop - start > MAX_THUMB_RANGE_MS) throw new Rejection('The time range must not exceed 1 second');
      if (start > asset.duration * 1000) throw new Rejection('start is beyond the end of the asset');
      return { imgs: frames.thumbs(asset.id, start, Math.min(stop, Math.ceil(asset.duration * 1000))) };
    },
  };
}

function single(store: UplynkStore, params: Params, name: 'id' | 'external_id'): SandboxAsset {
  const key = stringParam(params, name);
  if (key === undefined) throw new Rejection(`Missing required parameter: ${name}`);
  const asset = name === 'id' ? store.read(key) : store.getByExternalId(key);
  if (!asset) throw new Rejection('Asset not found');
  return asset;
}

/** Frames exist only for sliced, undeleted assets [I: the real errors here are undocumented]. */
function playable(asset: SandboxAsset): SandboxAsset {
  if (asset.deleted !== undefined) throw new Rejection('Asset not found');
  if (asset.state !== 'ready') throw new Rejection('Asset is not ready');
  return asset;
}

/** "-created" or "-duration,desc": comma-separated keys, '-' for descending. */
export function parseOrder(text: string): OrderTerm[] {
  const terms = text.split(',').map((part) => part.trim());
  return terms.map((part) => {
    const descending = part.startsWith('-');
    const key = descending ? part.slice(1) : part.replace(/^\+/, '');
    if (!(ORDER_KEYS as readonly string[]).includes(key)) throw new Rejection(`Invalid order key: ${key || part}`);
    return { key: key as OrderKey, descending };
  });
}
