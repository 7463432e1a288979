import { SANDBOX_CREDENTIALS } from '../credentials.js';
import { DAY_MS, MINUTE_MS, SANDBOX_EPOCH } from '../epoch.js';
import { assetName, GENRES, LANGUAGES, origFilename, RATINGS } from './names.js';
import { SeededRandom } from '../random.js';
import { createSharedAssets } from './shared-seed.js';

/** Uplynk's test-player ids are base62 (e.g. Hak3zjnPLSW5o0j8GMpzRMsa). */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An asset exactly as Uplynk serves it (field names, ms timestamps, 0/1 flags of the doc samples). */
export interface SandboxAsset {
  id: string;
  external_id: string | null;
  desc: string;
  orig_filename: string | null;
  state: string;
  job_type: 'vod' | 'live';
  duration: number;
  created: number;
  lastmod: number;
  /** Only on deleted assets, as in the changes sample. */
  deleted?: number;
  autoexpire: number;
  require_drm: 0 | 1;
  require_studio_drm: 0 | 1;
  slices: number;
  rays: number;
  break_offsets: { break_type: 'AD BREAK' | 'BOUNDARY'; duration: number; offset: number; name?: string }[];
  thumb_url: string;
  poster_url?: string;
  mp4_url?: string;
  ttml_url?: string;
  test_player_url: string;
  embed_player_url: string;
  test_players: { desc: string; id: string; url: string }[];
  meta: Record<string, string | number | boolean>;
  libraries: string[];
}

export type ChangeEntry = [ts: number, action: 'update' | 'delete', id: string];

export interface UplynkSeed {
  assets: SandboxAsset[];
  /** Oldest first, strictly increasing timestamps. */
  changes: ChangeEntry[];
  /** Assets of libraries other accounts share with this one (`/asset/list`'s `shared_assets`). */
  shared: SandboxAsset[];
}

export const SEED = 0x0b1e5eed;
export const ASSET_COUNT = 2600;
/** The seeded library ends when the sandbox started; creation dates spread over the two years before. */
const SEED_END_MS = SANDBOX_EPOCH;
const SPAN_MS = 2 * 365 * DAY_MS;
const OWNER = SANDBOX_CREDENTIALS.UPLYNK.ownerId;
const STORAGE = `https://storage.uplynk.com/slices/${OWNER.slice(0, 3)}/${OWNER}`;
const PLAYER = 'https://content.uplynk.com/player5';
const LIBRARIES = ['7d1f0c2a9e4b4f6d8a3c5e7f9b1d2c4e', 'a24e6c8f0b1d4e3f9c7a5b2d8e6f1c3a'];

/** The whole seeded library: the same 2,600 assets and change history on every start. */
export function createUplynkSeed(): UplynkSeed {
  const rng = new SeededRandom(SEED);
  const seen = new Set<string>();
  const assets: SandboxAsset[] = [];
  for (let i = 0; i < ASSET_COUNT; i++) {
    let id = rng.hex(32);
    while (seen.has(id)) id = rng.hex(32);
    seen.add(id);
    assets.push(makeAsset(rng, i, id));
  }
  markNotReady(assets);
  const changes = makeChanges(rng, assets);
  return { assets, changes, shared: createSharedAssets(seen) };
}

export function makeAsset(rng: SeededRandom, index: number, id: string): SandboxAsset {
  const live = rng.next() < 0.05;
  const { desc } = assetName(rng, live);
  const duration = live ? rng.int(1800, 7200) + rng.next() : 30 + rng.next() ** 2.2 * 7170;
  const created = SEED_END_MS - Math.floor(rng.next() * SPAN_MS);
  const base = `${STORAGE}/${id}`;
  const players = testPlayers(rng);
  const asset: SandboxAsset = {
    id,
    // About a third carry an external id, numbered after their seed index so tests can predict them.
    external_id: index % 3 === 0 ? `ext-${String(index).padStart(6, '0')}` : null,
    desc,
    orig_filename: live ? null : origFilename(rng, desc),
    state: 'ready',
    job_type: live ? 'live' : 'vod',
    duration,
    created,
    // Slicing takes minutes to an hour after the upload (and has not finished in the future).
    lastmod: Math.min(created + rng.int(120_000, 3_600_000), SEED_END_MS),
    autoexpire: rng.next() < 0.05 ? SEED_END_MS + rng.int(30, 365) * DAY_MS : 0,
    require_drm: rng.next() < 0.2 ? 1 : 0,
    require_studio_drm: rng.next() < 0.05 ? 1 : 0,
    // Uplynk slices are about 4 seconds long (22 slices for 88.9 s in the docs' sample).
    slices: Math.ceil(duration / 4),
    rays: rng.int(4, 8),
    break_offsets: live || rng.next() > 0.25 ? [] : breakOffsets(rng, duration),
    thumb_url: `${base}/${String(rng.int(0, 40)).padStart(8, '0')}.jpg`,
    test_player_url: players[0]!.url,
    embed_player_url: `${PLAYER}/${rng.chars(BASE62, 24)}.html`,
    test_players: players,
    meta: rng.next() < 0.35 ? meta(rng) : {},
    libraries: rng.next() < 0.1 ? [rng.pick(LIBRARIES)] : [],
  };
  if (rng.next() < 0.3) asset.poster_url = `${base}/${rng.hex(32)}.jpg`;
  if (!live && rng.next() < 0.6) {
    asset.mp4_url = `${base}/${rng.hex(32)}_g.mp4`;
    if (rng.next() < 0.4) asset.ttml_url = `${asset.mp4_url}.ttml`;
  }
  return asset;
}

function testPlayers(rng: SeededRandom): SandboxAsset['test_players'] {
  const players = [{ desc: 'Monitoring Test Player', id: rng.chars(BASE62, 24), url: '' }];
  if (rng.next() < 0.4) players.push({ desc: 'Affiliate Test Player', id: rng.chars(BASE62, 22), url: '' });
  return players.map((p) => ({ ...p, url: `${PLAYER}/${p.id}.html` }));
}

/** Ad breaks and chapter boundaries, in order, inside the asset. */
function breakOffsets(rng: SeededRandom, duration: number): SandboxAsset['break_offsets'] {
  const count = rng.int(1, 4);
  const breaks: SandboxAsset['break_offsets'] = [];
  for (let i = 1; i <= count; i++) {
    const offset = Math.round(((duration * i) / (count + 1)) * 1000) / 1000;
    if (rng.next() < 0.3) breaks.push({ break_type: 'BOUNDARY', duration: 0, offset, name: `c${i + 1}` });
    else breaks.push({ break_type: 'AD BREAK', duration: 15 + rng.next() * 45, offset });
  }
  return breaks;
}

function meta(rng: SeededRandom): SandboxAsset['meta'] {
  const out: SandboxAsset['meta'] = { genre: rng.pick(GENRES), rating: rng.pick(RATINGS) };
  if (rng.next() < 0.5) out.language = rng.pick(LANGUAGES);
  if (rng.next() < 0.3) out.season = rng.int(1, 8);
  return out;
}

/**
 * The newest uploads are the ones still slicing, as in a live library: 12 of the 60 newest, uploaded
 * in the minutes before the sandbox started (a few minutes apart, in their original order).
 */
function markNotReady(assets: SandboxAsset[]): void {
  const newest = [...assets].sort((a, b) => b.created - a.created).slice(0, 60);
  newest.forEach((asset, i) => {
    if (i % 5 !== 2) return;
    asset.state = 'slicing';
    asset.created = SEED_END_MS - (i + 2) * MINUTE_MS;
    asset.lastmod = asset.created + MINUTE_MS;
    delete asset.mp4_url;
    delete asset.ttml_url;
  });
}

/**
 * About 400 updates (half in the last 30 days, so a recent `start` has something to read) and 15
 * deletions. Each asset's lastmod follows its latest update; timestamps are made strictly increasing.
 */
function makeChanges(rng: SeededRandom, assets: SandboxAsset[]): ChangeEntry[] {
  const entries: ChangeEntry[] = [];
  const ready = assets.filter((a) => a.state === 'ready');
  for (let n = 0; n < 400; n++) {
    const asset = rng.pick(ready);
    const from = n % 2 === 0 ? Math.max(asset.lastmod, SEED_END_MS - 30 * DAY_MS) : asset.lastmod;
    const ts = from + Math.floor(rng.next() * (SEED_END_MS - from));
    entries.push([ts, 'update', asset.id]);
  }
  for (let n = 0; n < 15; n++) {
    const asset = rng.pick(ready);
    if (asset.deleted !== undefined) continue;
    asset.deleted = asset.lastmod + Math.floor(rng.next() * (SEED_END_MS - asset.lastmod));
    entries.push([asset.deleted, 'delete', asset.id]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < entries.length; i++) {
    const prev = entries[i - 1]![0];
    if (entries[i]![0] <= prev) entries[i]![0] = prev + 1;
  }
  return settle(entries, assets);
}

/** Updates after a deletion cannot happen: drop them, then move each lastmod to its latest update. */
function settle(entries: ChangeEntry[], assets: SandboxAsset[]): ChangeEntry[] {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const kept = entries.filter(([ts, action, id]) => {
    const deleted = byId.get(id)?.deleted;
    return action === 'delete' || deleted === undefined || ts < deleted;
  });
  for (const [ts, action, id] of kept) {
    const asset = byId.get(id)!;
    // A deletion stamps `deleted`, not `lastmod` (the changes sample has lastmod < deleted).
    if (action === 'delete') asset.deleted = ts;
    else asset.lastmod = Math.max(asset.lastmod, ts);
  }
  return kept;
}
