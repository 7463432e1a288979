import type { AssetStatus, Change, ChangeAction, Frame } from '../types.js';
import type { UplynkAsset, UplynkBreakOffset, UplynkTestPlayer } from './types.js';
import type { UplynkWireAsset, UplynkWireChange } from './wire.js';

/**
 * `deleted` > 0 wins (the changes feed keeps deleted assets with their deletion time); `ready` is the
 * only state any source confirms, so every other value is still on its way: PROCESSING, raw value kept.
 */
export function mapUplynkStatus(state: string | null | undefined, deleted: number | null | undefined): AssetStatus {
  if (deleted !== null && deleted !== undefined && deleted > 0) return 'DELETED';
  return state === 'ready' ? 'READY' : 'PROCESSING';
}

/** One Uplynk asset in the domain shape. Uplynk serves only video, so mediaType is always VIDEO. */
export function mapUplynkAsset(wire: UplynkWireAsset): UplynkAsset {
  const testPlayers = (wire.test_players ?? []).map(mapTestPlayer);
  return {
    provider: 'UPLYNK',
    providerId: wire.id,
    name: wire.desc ?? null,
    mediaType: 'VIDEO',
    status: mapUplynkStatus(wire.state, wire.deleted),
    providerStatus: wire.state ?? null,
    createdAt: msToDate(wire.created),
    updatedAt: msToDate(wire.lastmod),
    // The embed player is the public playback page; the test player is the next best thing.
    url: wire.embed_player_url ?? wire.test_player_url ?? testPlayers[0]?.url ?? null,
    downloadUrl: wire.mp4_url ?? null,
    thumbnailUrl: wire.thumb_url ?? wire.poster_url ?? null,
    durationSeconds: wire.duration ?? null,
    // Uplynk reports no file size, container type or dimensions on an asset.
    sizeBytes: null,
    mimeType: null,
    width: null,
    height: null,
    externalId: wire.external_id ?? null,
    origFilename: wire.orig_filename ?? null,
    jobType: wire.job_type ?? null,
    requireDrm: isSet(wire.require_drm),
    requireStudioDrm: isSet(wire.require_studio_drm),
    // 0 means "never expires"; a real expiry is a positive ms timestamp.
    autoExpireAt: positiveMsToDate(wire.autoexpire),
    deletedAt: positiveMsToDate(wire.deleted),
    slices: wire.slices ?? null,
    rays: mapRays(wire.rays),
    breakOffsets: (wire.break_offsets ?? []).map(mapBreakOffset),
    posterUrl: wire.poster_url ?? null,
    mp4Url: wire.mp4_url ?? null,
    ttmlUrl: wire.ttml_url ?? null,
    testPlayerUrl: wire.test_player_url ?? null,
    embedPlayerUrl: wire.embed_player_url ?? null,
    testPlayers,
    meta: mapMeta(wire.meta),
    libraries: (wire.libraries ?? []).flatMap(libraryId),
  };
}

function mapBreakOffset(wire: NonNullable<UplynkWireAsset['break_offsets']>[number]): UplynkBreakOffset {
  return {
    breakType: wire.break_type,
    durationSeconds: wire.duration ?? null,
    offsetSeconds: wire.offset,
    name: wire.name ?? null,
  };
}

function mapTestPlayer(wire: NonNullable<UplynkWireAsset['test_players']>[number]): UplynkTestPlayer {
  return { id: wire.id, description: wire.desc ?? null, url: wire.url };
}

/**
 * The samples send a count (`"rays": 8`). Uplynk names its rays (bitrate variants) by letter, a being
 * the lowest, as in the `_g.mp4` export names [I], so a count of n becomes ["a", …]; names pass as they are.
 */
function mapRays(rays: number | string[] | null | undefined): string[] {
  if (Array.isArray(rays)) return rays;
  if (typeof rays !== 'number' || !Number.isInteger(rays) || rays <= 0) return [];
  return Array.from({ length: Math.min(rays, 26) }, (_, i) => String.fromCharCode(97 + i));
}

/** A dict as sent; the JSON-string form of the update sample is decoded; anything else is empty. */
function mapMeta(meta: Record<string, unknown> | string | null | undefined): Record<string, unknown> {
  if (meta === null || meta === undefined) return {};
  if (typeof meta !== 'string') return meta;
  try {
    const parsed: unknown = JSON.parse(meta);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Library entries are ids in the samples seen; an object form is read by its `id`. */
function libraryId(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? [id] : [];
}

function isSet(value: number | boolean | null | undefined): boolean {
  return value === true || (typeof value === 'number' && value !== 0);
}

function msToDate(ms: number | null | undefined): Date | null {
  return typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms) : null;
}

function positiveMsToDate(ms: number | null | undefined): Date | null {
  return typeof ms === 'number' && ms > 0 ? new Date(ms) : null;
}

const CHANGE_ACTIONS: Record<string, ChangeAction> = { create: 'CREATED', update: 'UPDATED', delete: 'DELETED' };

/**
 * One `[ts_ms, action, asset_id]` entry. `update` and `delete` are the actions seen; `create` is
 * modelled in case it appears, and any other action still means the asset changed: UPDATED.
 */
export function mapUplynkChange(change: UplynkWireChange, assets: Record<string, UplynkWireAsset>): Change {
  const [ts, action, id] = change;
  const wire = assets[id];
  return {
    provider: 'UPLYNK',
    providerId: id,
    action: CHANGE_ACTIONS[action] ?? 'UPDATED',
    at: new Date(ts),
    asset: wire ? mapUplynkAsset(wire) : null,
  };
}

/** The image type from the first bytes of a base64 image; the replies do not say. */
export function imageMimeType(base64: string): string {
  const head = Buffer.from(base64.slice(0, 24), 'base64');
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return 'application/octet-stream';
}

export function mapUplynkFrame(assetId: string, atMs: number | null, base64: string): Frame {
  return { provider: 'UPLYNK', assetId, atMs, mimeType: imageMimeType(base64), base64 };
}
