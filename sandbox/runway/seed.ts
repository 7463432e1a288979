import { SANDBOX_CREDENTIALS } from '../credentials.js';
import * as C from './catalog.js';
import type { RunwayRecord } from './store.js';
import { DAY_MS, MINUTE_MS, SANDBOX_EPOCH } from '../epoch.js';
import { SeededRandom } from '../random.js';

export const RUNWAY_SANDBOX_EMAIL: string = SANDBOX_CREDENTIALS.RUNWAY.email;
/** useapi's user id, from the token `user:<id>-…`; every assetId and taskId of the account carries it. */
export const RUNWAY_SANDBOX_USER_ID = userIdOfToken(SANDBOX_CREDENTIALS.RUNWAY.token) ?? '0';

export const RUNWAY_CDN = 'https://dnznrvs05pmza.cloudfront.net';
// The Runway account's own numeric id (userId/createdBy on the wire), unrelated to useapi's user id.
export const RUNWAY_ACCOUNT_ID = 48213977;

/** Who owns every asset of the sandbox account, seeded or uploaded (the same on the wire for both). */
export const RUNWAY_OWNER_FIELDS = {
  username: 'sandbox',
  userPicture: null,
  userId: RUNWAY_ACCOUNT_ID,
  createdBy: RUNWAY_ACCOUNT_ID,
  private: true,
  privateInTeam: true,
  parentAssetGroupId: null,
} as const;
/** The newest asset was made a few minutes before the sandbox started; the rest go back from it. */
const NEWEST = SANDBOX_EPOCH - 4 * MINUTE_MS - 311;

export function userIdOfToken(token: string): string | undefined {
  return /^user:([^-]+)-/.exec(token)?.[1];
}

const prefix = `user:${RUNWAY_SANDBOX_USER_ID}-runwayml:${RUNWAY_SANDBOX_EMAIL}`;
export const runwayAssetId = (uuid: string) => `${prefix}-asset:${uuid}`;
export const runwayTaskId = (uuid: string) => `${prefix}-task:${uuid}`;

type Kind = RunwayRecord['mediaType'];
// 10-slot rhythm repeated six times: 30 videos, 24 images, 6 audio files in a natural-looking mix.
const RHYTHM: Kind[] = ['video', 'image', 'video', 'video', 'image', 'audio', 'video', 'image', 'video', 'image'];
export const RUNWAY_LISTED_COUNT = 60;

/** The sandbox account's library: 60 listed assets, newest first, plus 2 readable only by id. */
export function seedRunwayRecords(seed = 0x52756e77): { listed: RunwayRecord[]; unlisted: RunwayRecord[] } {
  const rng = new SeededRandom(seed);
  const folders = [rng.uuid(), rng.uuid(), rng.uuid()];
  let at = NEWEST;
  const listed: RunwayRecord[] = [];
  for (let i = 0; i < RUNWAY_LISTED_COUNT; i++) {
    const kind = RHYTHM[i % RHYTHM.length]!;
    listed.push(buildAsset(rng, kind, new Date(at), folders));
    at -= rng.int(7, 26 * 60) * 60_000 + rng.int(0, 59_999);
  }
  // [I] useapi's list is scoped to the account's workspace while GET-by-id is not (providers.md §4.2):
  // these stand for assets shared from another workspace, so they never appear in GET /assets/.
  const team = rng.uuid();
  const shared = (record: RunwayRecord): RunwayRecord => ({
    ...record,
    parentAssetGroupId: team,
    private: false,
    privateInTeam: false,
  });
  const unlisted = [
    shared(upload(rng, 'image', 'Team moodboard - autumn campaign.png', new Date(NEWEST - DAY_MS))),
    shared(upload(rng, 'video', 'Client review cut v3.mp4', new Date(NEWEST - 3 * DAY_MS))),
  ];
  return { listed, unlisted };
}

function buildAsset(rng: SeededRandom, kind: Kind, createdAt: Date, folders: string[]): RunwayRecord {
  const generated = rng.chance(kind === 'audio' ? 0.5 : 0.7);
  const record = generated ? generation(rng, kind, createdAt) : upload(rng, kind, uploadName(rng, kind), createdAt);
  if (rng.chance(0.2)) record.parentAssetGroupId = rng.pick(folders);
  return record;
}

function uploadName(rng: SeededRandom, kind: Kind): string {
  if (kind === 'video') return rng.pick(C.VIDEO_UPLOADS);
  return kind === 'image' ? rng.pick(C.IMAGE_UPLOADS) : rng.pick(C.AUDIO_UPLOADS);
}

/** A file the user uploaded: named after the file, no task. */
function upload(rng: SeededRandom, kind: Kind, name: string, createdAt: Date): RunwayRecord {
  const ext = standardExtension(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
  const duration = kind === 'image' ? 0 : rng.int(3_000, 95_000) / 1000;
  return record(rng, { kind, name, ext, createdAt, duration, uploaded: true });
}

/** A Runway generation: named "<model> <seed>, <prompt>, M <seconds>" as the web app names them. */
function generation(rng: SeededRandom, kind: Kind, createdAt: Date): RunwayRecord {
  const seed = rng.int(100_000_000, 4_294_967_295);
  if (kind === 'video') {
    const duration = rng.pick([5, 5, 10]);
    const name = `${rng.pick(C.VIDEO_MODELS)} ${seed}, ${rng.pick(C.VIDEO_PROMPTS)}, M ${duration}`;
    return record(rng, { kind, name, ext: 'mp4', createdAt, duration, uploaded: false });
  }
  if (kind === 'image') {
    const name = `Gen-4 Image ${seed}, ${rng.pick(C.IMAGE_PROMPTS)}`;
    return record(rng, { kind, name, ext: rng.pick(['png', 'jpeg']), createdAt, duration: 0, uploaded: false });
  }
  const name = `Speech ${seed}, ${rng.pick(C.SPEECH_LINES)}`;
  return record(rng, { kind, name, ext: 'mp3', createdAt, duration: rng.int(2_000, 9_000) / 1000, uploaded: false });
}

function standardExtension(ext: string): string {
  return ext === 'jpg' ? 'jpeg' : ext;
}

interface Shape {
  kind: Kind;
  name: string;
  ext: string;
  createdAt: Date;
  duration: number;
  uploaded: boolean;
}

function record(rng: SeededRandom, s: Shape): RunwayRecord {
  const uuid = rng.uuid();
  const jwt = `?_jwt=${rng.hex(48)}`;
  const edited = rng.chance(0.25) ? rng.int(1, 5_000) * 1000 : 0;
  return {
    assetId: runwayAssetId(uuid),
    id: uuid,
    createdAt: s.createdAt.toISOString(),
    updatedAt: new Date(s.createdAt.getTime() + edited).toISOString(),
    name: s.name,
    url: `${RUNWAY_CDN}/${uuid}.${s.ext}${jwt}`,
    previewUrls: previews(rng, uuid, s.kind, jwt),
    mediaType: s.kind,
    // [I] the docs never show mediaSubtype's values; the MIME subtype is the most plausible reading.
    mediaSubtype: C.MIME_SUBTYPES[s.ext] ?? null,
    fileCount: 1,
    fileSize: fileSize(rng, s),
    fileExtStandardized: s.ext,
    isUserUpload: s.uploaded,
    metadata: metadata(rng, s),
    ...RUNWAY_OWNER_FIELDS,
    ...(s.uploaded ? {} : { taskId: runwayTaskId(rng.uuid()) }),
    favorite: rng.chance(0.15),
  };
}

function previews(rng: SeededRandom, uuid: string, kind: Kind, jwt: string): string[] {
  if (kind === 'audio') return [];
  const count = kind === 'image' ? 1 : rng.int(1, 3);
  return Array.from({ length: count }, (_, i) => `${RUNWAY_CDN}/previews/${uuid}/preview-${i}.jpg${jwt}`);
}

function fileSize(rng: SeededRandom, s: Shape): number {
  if (s.kind === 'image') return rng.int(180_000, 4_500_000);
  const bytesPerSecond = s.kind === 'audio' ? (s.ext === 'wav' ? 176_400 : 16_000) : rng.int(350_000, 1_200_000);
  return Math.round(s.duration * bytesPerSecond);
}

/** Images: null. Videos: the older or the newer metadata revision, alternating at random. */
function metadata(rng: SeededRandom, s: Shape): Record<string, unknown> | null {
  if (s.kind === 'image') return null;
  // [I] audio metadata is undocumented; a bare duration is the least that a player needs.
  if (s.kind === 'audio') return { duration: s.duration };
  const [width, height] = rng.pick(C.VIDEO_SIZES);
  const frameRate = s.uploaded ? rng.pick([24, 25, 29.97, 30]) : 24;
  if (rng.chance(0.5)) return { frameRate, duration: s.duration, dimensions: [width, height], size: { width, height } };
  const hasAudio = s.uploaded && rng.chance(0.7);
  return { frameRate, duration: s.duration, width, height, hasAlphaChannel: false, hasAudio };
}
