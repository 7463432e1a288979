import { ANALYSES, PERSONAS, PROJECTS, UPLOADS, type ProjectTemplate } from './catalog.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, SANDBOX_EPOCH } from '../epoch.js';
import { SeededRandom } from '../random.js';
import { amzDate, vjTimestamp } from './formats.js';
import { seedTypedAssets } from './typed-seed.js';

/** YouTube's 11-character video id alphabet. */
const YOUTUBE_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export interface AssetSeed {
  id: string;
  /** The storage key (`key` on GET /assets/{id}, and the object name in the S3 URLs). */
  key: string;
  projectId: string;
  keyname: string;
  assetType: string;
  assetPath: string | null;
  description: string | null;
  generatedDescription: string | null;
  /** An object, or the same as a JSON string: Video Jungle stores both. */
  createParameters: unknown;
  createdAt: string;
  /** The presigned URLs, served once the asset is uploaded. */
  url: string;
  downloadUrl: string;
  /** The status once uploaded: 'uploaded', 'analyzed' or null. */
  readyStatus: string | null;
  /** Seeded as not uploaded yet: its status until then, and when it lands (ms after the sandbox starts). */
  pending: { status: 'processing' | 'queued'; afterMs: number } | null;
}

export interface ProjectSeed {
  id: string;
  name: string;
  description: string | null;
  data: string | Record<string, unknown>;
  createdAt: string;
  ownerId: string;
  prompts: Record<string, unknown>[];
  scripts: Record<string, unknown>[];
  assetIds: string[];
}

export interface SeedData {
  ownerId: string;
  projects: ProjectSeed[];
  assets: AssetSeed[];
}

/** Eight projects about a month apart, the last begun some weeks before the sandbox started. */
const FIRST_PROJECT_AT = SANDBOX_EPOCH - 260 * DAY_MS;
/** Projects whose newest asset is still being generated or uploaded when the sandbox starts. */
const PROJECTS_WITH_PENDING = new Set([1, 3, 4, 6]);

/** The seeded account: 8 projects of 5 to 16 assets each, identical on every run. */
export function seedVideoJungle(seed = 20240716): SeedData {
  const prng = new SeededRandom(seed);
  const ownerId = prng.uuid();
  const projects: ProjectSeed[] = [];
  const assets: AssetSeed[] = [];
  const projectTimes: number[] = [];
  PROJECTS.forEach((template, index) => {
    const at = FIRST_PROJECT_AT + index * 29 * 24 * HOUR_MS + prng.int(0, 20 * HOUR_MS);
    projectTimes.push(at);
    const project = seedProject(prng, template, ownerId, at);
    const count = prng.int(5, 15);
    const uploads = prng.shuffle(UPLOADS);
    let assetAt = at;
    for (let n = 0; n < count; n++) {
      assetAt += prng.int(HOUR_MS / 2, 72 * HOUR_MS);
      const pending = PROJECTS_WITH_PENDING.has(index) && n === count - 1;
      const upload = uploads[n % uploads.length]!;
      // What is still being generated or uploaded was started in the minutes before the sandbox.
      const createdAt = pending ? SANDBOX_EPOCH - (index + 2) * MINUTE_MS : assetAt;
      const asset = seedAsset(prng, { template, project, n, at: createdAt, upload });
      if (pending) asset.pending = { status: n % 2 === 0 ? 'processing' : 'queued', afterMs: prng.int(3000, 8000) };
      project.assetIds.push(asset.id);
      assets.push(asset);
    }
    projects.push(project);
  });
  seedTypedAssets(projects, assets, projectTimes);
  return { ownerId, projects, assets };
}

function seedProject(prng: SeededRandom, template: ProjectTemplate, ownerId: string, at: number): ProjectSeed {
  const id = prng.uuid();
  const createdAt = vjTimestamp(at, prng.int(0, 999));
  const method = typeof template.data === 'string' ? template.data : template.data.generation_method;
  // Prompt-to-video projects carry the prompt and the script their generations ran; edits carry none.
  const generated = method === 'prompt-to-video';
  const inputs = Object.keys(template.parameters).map((name) => ({ name, type: 'string' }));
  const prompt = {
    id: prng.uuid(),
    name: `${template.name} prompt`,
    value: `Write a short, engaging video script about {${inputs[0]?.name ?? 'topic'}}.`,
    persona: prng.pick(PERSONAS),
    task: template.description,
    parameters: inputs.map((i) => i.name),
    created_at: createdAt,
  };
  const script = { id: prng.uuid(), project_id: id, name: `${template.slug}-script`, value: {}, inputs };
  return {
    id,
    name: template.name,
    description: template.description,
    data: template.data,
    createdAt,
    ownerId,
    prompts: generated ? [prompt] : [],
    scripts: generated ? [{ ...script, created_at: createdAt, key: '', manuscript: '' }] : [],
    assetIds: [],
  };
}

interface AssetContext {
  template: ProjectTemplate;
  project: ProjectSeed;
  n: number;
  at: number;
  upload: readonly [string, string];
}

/** What differs between asset types; `filename` names the download. */
type Fields = Pick<AssetSeed, 'keyname' | 'assetPath' | 'description' | 'generatedDescription' | 'createParameters' | 'readyStatus'> & { filename: string };

function seedAsset(prng: SeededRandom, context: AssetContext): AssetSeed {
  const roll = prng.next();
  const kind: AssetKind = roll < 0.45 ? 'user' : roll < 0.7 ? 'generated_video' : roll < 0.85 ? 'finished_video' : 'youtube-url';
  const id = prng.uuid();
  const key = prng.uuid();
  const createdAt = vjTimestamp(context.at, prng.int(0, 999));
  const { filename, ...fields } = FIELDS[kind](prng, context);
  const urls = presignedUrls(prng, context.project, key, context.at, filename);
  return { id, key, projectId: context.project.id, assetType: kind, createdAt, ...fields, ...urls, pending: null };
}

type AssetKind = 'user' | 'generated_video' | 'finished_video' | 'youtube-url';

const FIELDS: Record<AssetKind, (prng: SeededRandom, context: AssetContext) => Fields> = {
  user: (prng, { project, upload: [keyname, description] }) => {
    const analysed = prng.next() < 0.5;
    const isVideo = /\.(mp4|mov|webm)$/.test(keyname);
    return {
      keyname,
      assetPath: `${project.ownerId}/${project.id}/${keyname}`,
      description,
      generatedDescription: analysed && isVideo ? prng.pick(ANALYSES) : null,
      createParameters: null,
      readyStatus: analysed ? 'analyzed' : null,
      filename: keyname,
    };
  },
  generated_video: (prng, { template, n }) => {
    const params = Object.fromEntries(Object.entries(template.parameters).map(([k, v]) => [k, prng.pick(v)]));
    const keyname = `${template.slug}-${n + 1}.mp4`;
    return {
      keyname,
      assetPath: null,
      description: `${template.name}: ${Object.values(params).join(', ')}`,
      generatedDescription: null,
      // Some generations store their parameters as a JSON string; both forms are on the wire.
      createParameters: n % 2 === 0 ? params : JSON.stringify(params),
      readyStatus: 'uploaded',
      filename: keyname,
    };
  },
  finished_video: (_prng, { template, n }) => {
    const keyname = `${template.slug}-final-v${n + 1}.mp4`;
    return {
      keyname,
      assetPath: null,
      description: 'Final render, 1920x1080 at 30 fps',
      generatedDescription: null,
      createParameters: { video_output_resolution: '1920x1080', video_output_fps: '30', video_output_format: 'mp4' },
      readyStatus: 'uploaded',
      filename: keyname,
    };
  },
  'youtube-url': (prng, { template }) => ({
    keyname: `https://www.youtube.com/watch?v=${prng.chars(YOUTUBE_ID_ALPHABET, 11)}`,
    assetPath: null,
    description: 'Reference video from YouTube',
    generatedDescription: null,
    createParameters: null,
    readyStatus: null,
    filename: `${template.slug}-reference.mp4`,
  }),
};

/** SigV4-style presigned S3 GET URLs: the embed URL, and the download one with a content-disposition. */
export function presignedUrls(prng: SeededRandom, project: ProjectSeed, key: string, at: number, filename: string) {
  const date = amzDate(at);
  const object = `https://vj-video.s3.us-east-1.amazonaws.com/${project.ownerId}/${project.id}/${key}`;
  const credential = `AKIAIOSFODNN7EXAMPLE%2F${date.slice(0, 8)}%2Fus-east-1%2Fs3%2Faws4_request`;
  const sign = () =>
    `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}&X-Amz-Date=${date}` +
    `&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature=${prng.hex(64)}`;
  const disposition = encodeURIComponent(`attachment; filename=${filename}`);
  return { url: `${object}?${sign()}`, downloadUrl: `${object}?response-content-disposition=${disposition}&${sign()}` };
}
