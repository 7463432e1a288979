import { isPosterImage } from './images.js';
import { SeededRandom } from '../random.js';
import { intParam, Rejection, stringListParam, stringParam, type Params } from './params.js';
import type { SandboxAsset } from './seed.js';
import type { UplynkStore } from './store.js';

/** "smaller than 3MB before encoding" [I: read as MiB, as the client reads it]. */
export const MAX_POSTER_BYTES = 3 * 1024 * 1024;
/** Ids per `/asset/delete` [I: undocumented; the sandbox holds it to `/asset/get`'s 1000]. */
export const MAX_DELETE = 1000;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PLAYER = 'https://content.uplynk.com/player5';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type Meta = SandboxAsset['meta'];
type Reply = Record<string, unknown>;

export interface WriteHandlers {
  update(params: Params, now: number): Reply;
  delete(params: Params, now: number): Reply;
}

/** `/asset/update` and `/asset/delete`. Every parameter is checked before anything is changed. */
export function createWriteHandlers(store: UplynkStore): WriteHandlers {
  // New player and poster ids, deterministic per sandbox instance like the seed.
  const rng = new SeededRandom(0x0b1e5eed ^ 0x77e17e5);
  return {
    update(params, now) {
      const asset = target(store, params);
      const patch = parseUpdate(params);
      if (patch.length === 0) return { asset, error: 0 };
      store.update(
        asset,
        (a) => {
          for (const apply of patch) apply(a, rng);
        },
        now,
      );
      return { asset, error: 0 };
    },

    delete(params, now) {
      if (params.ids === undefined && params.external_ids === undefined) {
        throw new Rejection('Specify ids and/or external_ids');
      }
      const ids = params.ids === undefined ? [] : stringListParam(params, 'ids');
      const externalIds = params.external_ids === undefined ? [] : stringListParam(params, 'external_ids');
      if (ids.length + externalIds.length > MAX_DELETE) {
        throw new Rejection(`A maximum of ${MAX_DELETE} assets may be deleted per request`);
      }
      const targets = new Set([...store.getMany(ids, 'id'), ...store.getMany(externalIds, 'external_id')]);
      // Unknown and already deleted assets are simply absent from `deleted`.
      const deleted = store.delete([...targets], now);
      return { deleted: deleted.map((a) => ({ id: a.id, external_id: a.external_id })), error: 0 };
    },
  };
}

/** `id` names the asset (and an `external_id` next to it is assigned); `external_id` alone names it. */
function target(store: UplynkStore, params: Params): SandboxAsset {
  const id = stringParam(params, 'id');
  const externalId = stringParam(params, 'external_id');
  if (id === undefined && externalId === undefined) throw new Rejection('Specify id or external_id');
  const asset = id !== undefined ? store.get(id) : store.getByExternalId(externalId!);
  // A deleted asset can no longer be changed [I].
  if (!asset || asset.deleted !== undefined) throw new Rejection('Asset not found');
  return asset;
}

type Apply = (asset: SandboxAsset, rng: SeededRandom) => void;

function parseUpdate(params: Params): Apply[] {
  const patch: Apply[] = [];
  const desc = stringParam(params, 'desc');
  if (desc !== undefined) {
    if (desc.trim() === '') throw new Rejection('desc must not be empty');
    patch.push((a) => (a.desc = desc));
  }
  const externalId = stringParam(params, 'external_id');
  if (externalId !== undefined && params.id !== undefined) {
    if (externalId === '') throw new Rejection('external_id must not be empty');
    patch.push((a) => (a.external_id = externalId));
  }
  if (params.meta !== undefined) {
    const meta = metaParam(params.meta);
    // `{}` clears; otherwise fields are added or overwritten (the docs' "adds and/or overwrites").
    patch.push((a) => (a.meta = Object.keys(meta).length === 0 ? {} : { ...a.meta, ...meta }));
  }
  if (params.poster_img !== undefined) patch.push(posterPatch(params));
  if (params.autoexpire !== undefined) {
    const at = intParam(params, 'autoexpire');
    if (at < 0) throw new Rejection('autoexpire must be a timestamp in milliseconds, or 0');
    patch.push((a) => (a.autoexpire = at));
  }
  for (const name of ['require_drm', 'require_studio_drm'] as const) {
    if (params[name] === undefined) continue;
    const value = flagParam(params, name);
    patch.push((a) => (a[name] = value));
  }
  // "Specify any value": the key's presence is what counts, whatever its value.
  if (params.test_player_url !== undefined) patch.push(newTestPlayer);
  if (params.embed_player_url !== undefined) {
    patch.push((a, rng) => (a.embed_player_url = `${PLAYER}/${rng.chars(BASE62, 24)}.html`));
  }
  return patch;
}

/**
 * The JSON text of a dict, as the docs' sample, UP-EDGIO and UP-NODE send it (providers.md §2.4); flat
 * scalar values [I]. A bare dict is refused: no known client sends one, so nothing shows Uplynk takes it
 * (the wording of the refusal is the sandbox's [I]).
 */
function metaParam(value: unknown): Meta {
  if (typeof value !== 'string') throw new Rejection('meta must be a JSON-encoded dictionary');
  let meta: unknown;
  try {
    meta = JSON.parse(value);
  } catch {
    throw new Rejection('meta must be a JSON-encoded dictionary');
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new Rejection('meta must be a dictionary');
  }
  for (const [key, v] of Object.entries(meta)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new Rejection(`meta field ${key} must be a string or number`);
    }
  }
  return meta as Meta;
}

function flagParam(params: Params, name: string): 0 | 1 {
  const value = params[name];
  if (value === true || value === 1 || value === '1') return 1;
  if (value === false || value === 0 || value === '0') return 0;
  throw new Rejection(`${name} must be 0 or 1`);
}

/** '' resets to the default poster; otherwise base64 of an image smaller than 3 MB. */
function posterPatch(params: Params): Apply {
  const image = stringParam(params, 'poster_img')!;
  if (image === '') return (a) => delete a.poster_url;
  const compact = image.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw new Rejection('poster_img is not valid base64');
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  if ((compact.length / 4) * 3 - padding >= MAX_POSTER_BYTES) {
    throw new Rejection('poster_img must be smaller than 3MB before encoding');
  }
  // Uplynk renders the poster: bytes that are no image are refused [I: the real check is undocumented].
  if (!isPosterImage(compact)) throw new Rejection('poster_img is not a supported image');
  return (a, rng) => {
    // Posters live next to the asset's thumbnails, under a fresh name each time.
    a.poster_url = `${a.thumb_url.slice(0, a.thumb_url.lastIndexOf('/'))}/${rng.hex(32)}.jpg`;
  };
}

function newTestPlayer(asset: SandboxAsset, rng: SeededRandom): void {
  const id = rng.chars(BASE62, 24);
  const url = `${PLAYER}/${id}.html`;
  asset.test_players = [...asset.test_players, { desc: 'Test Player', id, url }];
  asset.test_player_url = url;
}
