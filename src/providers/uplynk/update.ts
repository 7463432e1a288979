import type { UplynkAsset } from './types.js';
import { badInput, ProviderError } from '../../errors/domain.js';
import type { AssetUpdater } from '../port.js';
import type { AssetUpdate } from '../types.js';
import type { UplynkCall } from './call.js';
import { mapUplynkAsset } from './map.js';
import type { UplynkParams } from './sign.js';
import { uplynkUpdateSchema } from './wire.js';

/**
 * `poster_img` must be "smaller than 3MB before encoding". The docs do not say which megabyte; Python
 * services usually write 3 * 1024 * 1024 [I], and the sandbox enforces the same number.
 */
export const UPLYNK_MAX_POSTER_BYTES = 3 * 1024 * 1024;

/** Each update field and the `/asset/update` parameter it becomes; typed so no field is forgotten. */
const WIRE_NAMES: Record<keyof AssetUpdate, string> = {
  name: 'desc',
  externalId: 'external_id',
  metadata: 'meta',
  posterImage: 'poster_img',
  autoExpireAt: 'autoexpire',
  requireDrm: 'require_drm',
  requireStudioDrm: 'require_studio_drm',
  newTestPlayer: 'test_player_url',
  newEmbedPlayer: 'embed_player_url',
};

export const UPLYNK_UPDATABLE_FIELDS = Object.keys(WIRE_NAMES) as (keyof AssetUpdate)[];

/** `/asset/update`: one signed call, never retried (a retried "new test player" would make two). */
export function createUplynkUpdater(call: UplynkCall): AssetUpdater<UplynkAsset> {
  return {
    updatableFields: UPLYNK_UPDATABLE_FIELDS,
    async updateAsset(id, update) {
      const params = uplynkUpdateParams(id, update);
      const reply = await call({
        action: 'update',
        params,
        schema: uplynkUpdateSchema,
        expect: ['asset'],
        singleAsset: true,
        idempotent: false,
      });
      if (!reply.asset) {
        const detail = 'reply has no "asset"';
        throw new ProviderError('BAD_RESPONSE', 'UPLYNK', 'POST /api2/asset/update', detail, { status: 200 });
      }
      return mapUplynkAsset(reply.asset);
    },
  };
}

/**
 * The message of one update, checked the way Uplynk would refuse it, before any call. The asset is
 * always named by `id`, so an `external_id` next to it assigns the external id (the documented rule).
 */
export function uplynkUpdateParams(id: string, update: AssetUpdate): UplynkParams {
  if (id.trim() === '') throw badInput('id must not be empty');
  const params: UplynkParams = { id };
  if (update.name !== undefined) {
    if (update.name.trim() === '') throw badInput('name must not be empty', { field: ['name'] });
    params[WIRE_NAMES.name] = update.name;
  }
  if (update.externalId !== undefined) {
    // What an empty external id would do upstream is undocumented (clear it? refuse?) [I]: refused.
    if (update.externalId.trim() === '') throw badInput('externalId must not be empty', { field: ['externalId'] });
    params[WIRE_NAMES.externalId] = update.externalId;
  }
  if (update.metadata !== undefined) params[WIRE_NAMES.metadata] = JSON.stringify(checkedMeta(update.metadata));
  if (update.posterImage !== undefined) params[WIRE_NAMES.posterImage] = checkedPoster(update.posterImage);
  if (update.autoExpireAt !== undefined) params[WIRE_NAMES.autoExpireAt] = autoexpire(update.autoExpireAt);
  if (update.requireDrm !== undefined) params[WIRE_NAMES.requireDrm] = update.requireDrm ? 1 : 0;
  if (update.requireStudioDrm !== undefined) params[WIRE_NAMES.requireStudioDrm] = update.requireStudioDrm ? 1 : 0;
  // Any value, even 0 or false, makes Uplynk generate a new player: only `true` may reach the wire.
  if (update.newTestPlayer === true) params[WIRE_NAMES.newTestPlayer] = 1;
  if (update.newEmbedPlayer === true) params[WIRE_NAMES.newEmbedPlayer] = 1;
  if (Object.keys(params).length === 1) throw badInput('the update changes nothing: give at least one field');
  return params;
}

/**
 * The metadata, checked; the caller sends it JSON-encoded. The docs type `meta` "Dictionary", but their
 * own sample (`meta='{"key1":"value1", …}'`), UP-EDGIO (`JSON.stringify(meta)`) and UP-NODE
 * ("JSONString") all send a JSON string (providers.md §2.4): what every known client sends is what the
 * server must take. `{}` clears, other keys are merged upstream. Uplynk metadata are flat key/value
 * fields [I], so nested values and nulls are refused.
 */
function checkedMeta(meta: Record<string, unknown>): Record<string, string | number | boolean> {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw badInput('metadata must be an object', { field: ['metadata'] });
  }
  for (const [key, value] of Object.entries(meta)) {
    const scalar = typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);
    if (!scalar || key === '') {
      throw badInput(`metadata.${key || '""'} must be a non-empty key with a string, number or boolean value`, {
        field: ['metadata', key],
      });
    }
  }
  return meta as Record<string, string | number | boolean>;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** '' resets; anything else is padded standard base64 of fewer than 3 MB once decoded. */
export function checkedPoster(image: string): string {
  if (image === '') return '';
  // Line breaks (Python 2's encoder) carry no data; the compact text is what is sent.
  const compact = /\s/.test(image) ? image.replace(/\s+/g, '') : image;
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    const hint = compact.startsWith('data:') ? ' (send the base64 text without the data: URL prefix)' : '';
    throw badInput(`posterImage is not valid base64${hint}`, { field: ['posterImage'] });
  }
  const bytes = decodedLength(compact);
  if (bytes >= UPLYNK_MAX_POSTER_BYTES) {
    throw badInput(`posterImage must be smaller than 3 MB before encoding; it is ${bytes} bytes`, {
      field: ['posterImage'],
    });
  }
  return compact;
}

/** Bytes that padded base64 text decodes to, without decoding it. */
export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/** ms timestamp; null (never expires) is Uplynk's 0. */
function autoexpire(at: Date | null): number {
  if (at === null) return 0;
  const ms = at.getTime();
  // 0 would read as "never" upstream, so an expiry must be a real instant after the epoch.
  if (!Number.isFinite(ms) || ms <= 0) {
    throw badInput('autoExpireAt must be a valid date after 1970', { field: ['autoExpireAt'] });
  }
  return ms;
}
