import type { SeededRandom } from '../random.js';

/** Word lists for realistic asset names and source file names of a broadcaster's VOD library. */
const SHOWS = [
  'Evening News',
  'Morning Brief',
  'Coastal Kitchens',
  'The Long Run',
  'Market Watch',
  'Harbour Lights',
  'Wild Frontiers',
  'City Council Live',
  'Friday Night Football',
  'Studio Sessions',
  'Deep Space Diaries',
  'The Garden Hour',
  'Tech Tonight',
  'Mountain Rescue',
  'Weekend Weather',
  'Championship Highlights',
] as const;

const SEGMENTS = ['Segment', 'Part', 'Episode', 'Chapter', 'Clip'] as const;
const EXTRAS = ['Trailer', 'Promo 30s', 'Behind the Scenes', 'Interview', 'Recap', 'Extended Cut', 'Press Conference', 'Post-game Analysis'] as const;
const LIVE = ['Live Capture', 'Live Feed', 'Simulcast Recording'] as const;
const EXTENSIONS = ['mov', 'mp4', 'mxf', 'mp4', 'mov'] as const;

export const GENRES = ['news', 'sports', 'documentary', 'lifestyle', 'music', 'drama', 'kids'] as const;
export const RATINGS = ['TV-G', 'TV-PG', 'TV-14', 'TV-Y', 'NR'] as const;
export const LANGUAGES = ['en', 'en', 'en', 'es', 'fr'] as const;

export interface AssetName {
  desc: string;
  show: string;
}

/** A display name in the style broadcasters give their VOD assets. */
export function assetName(rng: SeededRandom, live: boolean): AssetName {
  const show = rng.pick(SHOWS);
  if (live) return { show, desc: `${show} - ${rng.pick(LIVE)}` };
  if (rng.next() < 0.25) return { show, desc: `${show} - ${rng.pick(EXTRAS)}` };
  const season = rng.int(1, 8);
  const number = rng.int(1, 24);
  if (rng.next() < 0.5) return { show, desc: `${show} S${pad(season)}E${pad(number)}` };
  return { show, desc: `${show} ${rng.pick(SEGMENTS)} ${number}` };
}

/** The uploaded file's name, as an editor would have exported it. */
export function origFilename(rng: SeededRandom, desc: string): string {
  const slug = desc
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  const quality = rng.pick(['1080p', '720p', 'master', 'prores', 'final']);
  return `${slug}_${quality}.${rng.pick(EXTENSIONS)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
