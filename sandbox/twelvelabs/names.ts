import type { SeededRandom } from '../random.js';

/** Realistic filenames, in the shapes people's uploads really have (camera names, exports, screenshots). */

export type AssetKind = 'video' | 'image' | 'audio';

export interface FileFormat {
  ext: string;
  mime: string;
  /** ffprobe-style container names, as technical_metadata reports them. */
  container: string;
}

const MP4_FAMILY = 'mov,mp4,m4a,3gp,3g2,mj2';

export const FORMATS: Record<AssetKind, readonly FileFormat[]> = {
  video: [
    { ext: 'mp4', mime: 'video/mp4', container: MP4_FAMILY },
    { ext: 'mp4', mime: 'video/mp4', container: MP4_FAMILY },
    { ext: 'mov', mime: 'video/quicktime', container: MP4_FAMILY },
    { ext: 'webm', mime: 'video/webm', container: 'matroska,webm' },
    { ext: 'mkv', mime: 'video/x-matroska', container: 'matroska,webm' },
  ],
  image: [
    { ext: 'jpg', mime: 'image/jpeg', container: 'jpeg' },
    { ext: 'jpg', mime: 'image/jpeg', container: 'jpeg' },
    { ext: 'png', mime: 'image/png', container: 'png' },
    { ext: 'webp', mime: 'image/webp', container: 'webp' },
  ],
  audio: [
    { ext: 'mp3', mime: 'audio/mpeg', container: 'mp3' },
    { ext: 'wav', mime: 'audio/wav', container: 'wav' },
    { ext: 'm4a', mime: 'audio/mp4', container: MP4_FAMILY },
  ],
};

const VIDEO_SUBJECTS = [
  'product-launch-keynote',
  'customer-interview',
  'drone-coastline',
  'kitchen-remodel-timelapse',
  'quarterly-all-hands',
  'onboarding-walkthrough',
  'u12-soccer-highlights',
  'wedding-ceremony',
  'city-night-hyperlapse',
  'webinar-recording',
  'headphones-unboxing',
  'lecture-linear-algebra',
  'pasta-carbonara-recipe',
  'surf-session',
  'warehouse-safety-training',
  'trailer-final-cut',
  'office-b-roll',
  'conference-panel',
  'mountain-bike-trail',
  'street-food-market',
] as const;

const IMAGE_SUBJECTS = [
  'spring-campaign-hero',
  'team-offsite',
  'storefront',
  'product-shot-white',
  'banner-1200x630',
  'speaker-headshot',
  'floor-plan',
  'event-poster',
  'menu-board',
  'whiteboard-notes',
] as const;

const AUDIO_SUBJECTS = [
  'narration',
  'founder-story',
  'customer-support-call',
  'brand-jingle',
  'ambient-cafe',
  'lecture-audio',
  'sound-bed',
  'radio-spot',
] as const;

const MOODS = ['upbeat', 'calm', 'cinematic', 'lofi', 'corporate'] as const;

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function clock(ms: number, separator: string): string {
  return new Date(ms).toISOString().slice(11, 19).replaceAll(':', separator);
}

const pad = (n: number) => String(n).padStart(4, '0');

function videoName(r: SeededRandom, ext: string, at: number): string {
  const subject = r.pick(VIDEO_SUBJECTS);
  // Cameras and screen recorders only ever write MP4/MOV; WebM and MKV files are exports.
  const native = ext === 'mp4' || ext === 'mov';
  switch (native ? r.int(0, 5) : r.int(3, 5)) {
    case 0:
      return ext === 'mp4' ? `GX01${pad(r.int(1, 9999))}.MP4` : `IMG_${pad(r.int(1, 9999))}.MOV`;
    case 1:
      return `DJI_${pad(r.int(1, 999))}.${ext.toUpperCase()}`;
    case 2:
      return `Screen Recording ${day(at)} at ${clock(at, '.')}.${ext}`;
    case 3:
      return `${subject}-v${r.int(1, 7)}.${ext}`;
    default:
      return `${subject}_${day(at)}.${ext}`;
  }
}

function imageName(r: SeededRandom, ext: string, at: number): string {
  const pick = r.int(0, 4);
  if (ext === 'jpg' && pick === 0) return `IMG_${pad(r.int(1, 9999))}.JPG`;
  if (ext === 'jpg' && pick === 1) return `DSC0${pad(r.int(1, 9999))}.JPG`;
  if (ext === 'png' && pick <= 1) return `Screenshot ${day(at)} at ${clock(at, '.')}.png`;
  return `${r.pick(IMAGE_SUBJECTS)}.${ext}`;
}

function audioName(r: SeededRandom, ext: string): string {
  switch (r.int(0, 3)) {
    case 0:
      return `episode-${r.int(1, 140)}-${r.pick(AUDIO_SUBJECTS)}.${ext}`;
    case 1:
      return `background-music-${r.pick(MOODS)}.${ext}`;
    case 2:
      return `interview-raw-${r.int(1, 30)}.${ext}`;
    default:
      return `${r.pick(AUDIO_SUBJECTS)}-voiceover.${ext}`;
  }
}

export function fileName(r: SeededRandom, kind: AssetKind, ext: string, createdAt: number): string {
  if (kind === 'video') return videoName(r, ext, createdAt);
  if (kind === 'image') return imageName(r, ext, createdAt);
  return audioName(r, ext);
}

/** Values for user_metadata (string / int / float / bool, as the API allows). */
export const CAMPAIGNS = ['spring-2025', 'holiday-2025', 'brand-refresh', 'internal-training', 'social-cutdowns'] as const;
