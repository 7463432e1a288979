import type { ErrorClassifier } from '../http/index.js';
import type { AssetListFilter, AssetStatus, ListWindow, MediaType, Page, Project } from '../types.js';
import type { VideoJungleAsset } from './types.js';
import { vjError, type VjAsset, type VjProject } from './wire.js';

/**
 * Asset types that say what they hold, whatever their key looks like: VJ-MODEL/VJ-DOCS' generated and
 * referenced videos, and the `video`, `video_edit`, `image` and `audio` types VJ-MCP handles (~l.840),
 * whose keys are often bare UUIDs with no extension (providers.md §1.5).
 */
const TYPED: Record<string, MediaType> = {
  finished_video: 'VIDEO',
  generated_video: 'VIDEO',
  'youtube-url': 'VIDEO',
  'video-reference': 'VIDEO',
  video: 'VIDEO',
  video_edit: 'VIDEO',
  image: 'IMAGE',
  audio: 'AUDIO',
};

const EXTENSIONS: Record<string, MediaType> = {
  mp4: 'VIDEO',
  mov: 'VIDEO',
  webm: 'VIDEO',
  png: 'IMAGE',
  jpg: 'IMAGE',
  jpeg: 'IMAGE',
  gif: 'IMAGE',
  webp: 'IMAGE',
  mp3: 'AUDIO',
  wav: 'AUDIO',
  m4a: 'AUDIO',
  txt: 'TEXT',
  srt: 'TEXT',
  md: 'TEXT',
};

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Video Jungle timestamps are ISO without a zone and with microseconds ("2024-07-16T12:13:05.899678").
 * They are a Python server's naive datetimes, read here as UTC [I]; the fraction is cut to
 * milliseconds, the precision of a Date. Unreadable values become null.
 */
export function parseVjTimestamp(value: string | null | undefined): Date | null {
  const m = value ? TIMESTAMP.exec(value.trim()) : null;
  if (!m) return null;
  const [, day, time, fraction = '', zone = 'Z'] = m;
  const date = new Date(`${day}T${time}.${fraction.slice(0, 3).padEnd(3, '0')}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function extensionOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const file = value.split(/[?#]/)[0]!.split('/').pop() ?? '';
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(dot + 1).toLowerCase() : undefined;
}

/**
 * A typed asset is what its type says. Uploads ('user') say what they are only through their file name
 * (keyname, else asset_path). An asset type nobody documented gets the extension's answer or null,
 * rather than a guess.
 */
export function vjMediaType(assetType: string | null | undefined, keyname?: string | null, path?: string | null): MediaType | null {
  const typed = assetType ? TYPED[assetType] : undefined;
  if (typed) return typed;
  const ext = extensionOf(keyname) ?? extensionOf(path);
  const byExtension = ext === undefined ? undefined : EXTENSIONS[ext];
  if (byExtension) return byExtension;
  return assetType === 'user' ? 'OTHER' : null;
}

/**
 * `uploaded` is the SDK's own readiness test. No failure value is documented; 'failed'/'error' are
 * taken as failures should they appear. Any other unknown value while not uploaded is still working.
 * Without `uploaded` (the model declares it; a reply may still leave it out), the status values that
 * say the file is in ("uploaded", and "analyzed", which comes after it) stand for it.
 */
export function vjStatus(uploaded: boolean | null | undefined, status: string | null | undefined): AssetStatus {
  const s = status?.toLowerCase() ?? null;
  if (uploaded ?? (s === 'uploaded' || s === 'analyzed')) return 'READY';
  if (s === 'failed' || s === 'error') return 'FAILED';
  if (s === 'processing') return 'PROCESSING';
  if (s === null || s === 'queued') return 'PENDING';
  return 'PROCESSING';
}

/** The SDK's rule: a JSON string is parsed, and kept as it is when it is not JSON. */
export function vjCreateParameters(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** `projectId` is the containing project's id for assets embedded in a project, which omit it. */
export function mapVjAsset(wire: VjAsset, projectId: string | null = null): VideoJungleAsset {
  const status = vjStatus(wire.uploaded, wire.status);
  return {
    provider: 'VIDEO_JUNGLE',
    providerId: wire.id,
    // keyname is the upload's file name (or a generated key); a description is the next best label.
    name: wire.keyname || wire.description || null,
    mediaType: vjMediaType(wire.asset_type, wire.keyname, wire.asset_path),
    status,
    providerStatus: wire.status ?? null,
    createdAt: parseVjTimestamp(wire.created_at),
    updatedAt: null,
    url: wire.url ?? null,
    downloadUrl: wire.download_url ?? null,
    thumbnailUrl: null,
    durationSeconds: null,
    sizeBytes: null,
    mimeType: null,
    width: null,
    height: null,
    keyname: wire.keyname ?? null,
    assetType: wire.asset_type ?? null,
    assetPath: wire.asset_path ?? null,
    description: wire.description ?? null,
    generatedDescription: wire.generated_description ?? null,
    createParameters: vjCreateParameters(wire.create_parameters),
    uploaded: wire.uploaded ?? status === 'READY',
    projectId: wire.project_id ?? wire.project?.id ?? projectId,
  };
}

export function mapVjProject(wire: VjProject): Project {
  return {
    id: wire.id,
    name: wire.name,
    description: wire.description ?? null,
    data: wire.data ?? null,
    createdAt: parseVjTimestamp(wire.created_at),
    ownerId: wire.owner_id ?? null,
    assetCount: wire.asset_count ?? null,
    assets: wire.assets ? wire.assets.map((a) => mapVjAsset(a, wire.id)) : null,
    scripts: wire.scripts
      ? wire.scripts.map((s) => ({
          id: s.id,
          name: s.name ?? null,
          parameters: (s.inputs ?? []).map((i) => ({ name: i.name, type: i.type ?? null, description: i.description ?? null })),
        }))
      : null,
  };
}

/**
 * FastAPI's `detail` first (a string, or the 422 list whose messages are joined), then the docs'
 * `message`, then a plain-text body (Starlette answers a crash with "Internal Server Error").
 * The status alone decides the kind: Video Jungle sends no rate-limit or error codes to refine it.
 */
export const classifyVjError: ErrorClassifier = (status, body) => {
  const parsed = vjError.safeParse(body);
  if (parsed.success) {
    const { detail, message } = parsed.data;
    if (typeof detail === 'string' && detail) return { detail };
    if (Array.isArray(detail) && detail.length > 0) {
      return { detail: detail.map((d) => (d.loc ? `${d.loc.join('.')}: ${d.msg}` : d.msg)).join('; ') };
    }
    if (message) return { detail: message };
  }
  if (typeof body === 'string' && body.trim()) return { detail: body.trim().slice(0, 200) };
  return { detail: `HTTP ${status}` };
};

function matches(asset: VideoJungleAsset, filter: AssetListFilter): boolean {
  if (filter.mediaType && asset.mediaType !== filter.mediaType) return false;
  const needle = filter.search?.trim().toLowerCase();
  if (!needle) return true;
  return [asset.keyname, asset.description, asset.generatedDescription].some((field) => field?.toLowerCase().includes(needle));
}

function newestFirst(a: VideoJungleAsset, b: VideoJungleAsset): number {
  const diff = (b.createdAt?.getTime() ?? -Infinity) - (a.createdAt?.getTime() ?? -Infinity);
  if (diff !== 0 && !Number.isNaN(diff)) return diff;
  return a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0;
}

/**
 * Video Jungle has no asset list of its own: the assets come embedded in GET /projects, whole, so the
 * search and media-type filters and the window are applied here. An asset referenced by two projects
 * is listed once.
 */
export function pageVjAssets(projects: readonly VjProject[], window: ListWindow, filter: AssetListFilter): Page<VideoJungleAsset> {
  const seen = new Set<string>();
  const all: VideoJungleAsset[] = [];
  for (const project of projects) {
    for (const wire of project.assets ?? []) {
      if (seen.has(wire.id)) continue;
      seen.add(wire.id);
      const asset = mapVjAsset(wire, project.id);
      if (matches(asset, filter)) all.push(asset);
    }
  }
  all.sort(newestFirst);
  const end = window.offset + window.limit;
  return { items: all.slice(window.offset, end), hasNextPage: end < all.length, totalCount: all.length };
}
