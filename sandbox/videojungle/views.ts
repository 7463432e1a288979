import type { AssetSeed, ProjectSeed } from './seed.js';

/** An asset as stored: its seed plus the state that changes when its upload lands. */
export interface AssetRecord extends AssetSeed {
  uploaded: boolean;
  status: string | null;
  /** Epoch ms when a pending asset lands; null once uploaded, or while it waits for its bytes. */
  landsAt: number | null;
  /** The video file a video-reference asset stands for. */
  videoFileId: string | null;
  /** What the upload step received (never served; tests check the bytes made it). */
  received?: { filename: string; size: number; type: string };
}

/** A Video File (POST /video-file), and the presigned POST its bytes are expected on. */
export interface VideoFileRecord {
  id: string;
  key: string;
  name: string;
  filename: string;
  ownerId: string;
  createdAt: string;
  uploadMethod: string;
  /** 'pending' until its bytes arrive, then 'uploaded' [I: the status words of video files are undocumented]. */
  status: string;
  /** The fields issued for the direct upload, and when its policy expires (epoch ms). */
  upload: { fields: Record<string, string>; expiresAt: number } | null;
}

/** VJ-MODEL's VideoFile, as POST /video-file answers it under `video`. */
export function videoFileView(f: VideoFileRecord): Record<string, unknown> {
  return {
    id: f.id,
    filename: f.filename,
    name: f.name,
    description: null,
    thumbnail: null,
    duration: null,
    fps: null,
    owner_id: f.ownerId,
    size: null,
    hash: null,
    created_at: f.createdAt,
    recorded_at: null,
    key: f.key,
    analysis: [],
    url: null,
    current_status: f.status,
    download_url: null,
    thumbnail_url: null,
    has_redirect: false,
  };
}

/** The asset as embedded in a project and in GET /projects/{id}/asset (the docs' list example). */
export function assetView(a: AssetRecord): Record<string, unknown> {
  return {
    id: a.id,
    keyname: a.keyname,
    url: a.uploaded ? a.url : null,
    download_url: a.uploaded ? a.downloadUrl : null,
    asset_path: a.assetPath,
    asset_type: a.assetType,
    created_at: a.createdAt,
    description: a.description,
    generated_description: a.generatedDescription,
    create_parameters: a.createParameters,
    status: a.status,
    uploaded: a.uploaded,
  };
}

/** The project header embedded in GET /assets/{id}: no assets, prompts or scripts. */
export function projectHeaderView(p: ProjectSeed): Record<string, unknown> {
  return {
    data: p.data,
    name: p.name,
    id: p.id,
    description: p.description,
    created_at: p.createdAt,
    owner_id: p.ownerId,
  };
}

/** GET /assets/{id}: the asset with its storage `key`, `project_id` and the project header. */
export function assetDetailView(a: AssetRecord, p: ProjectSeed): Record<string, unknown> {
  return { ...assetView(a), key: a.key, project_id: p.id, project: projectHeaderView(p) };
}

/** GET /projects/{id}, and each item of GET /projects. */
export function projectView(p: ProjectSeed, assets: readonly AssetRecord[]): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    data: p.data,
    created_at: p.createdAt,
    owner_id: p.ownerId,
    asset_count: assets.length,
    assets: assets.map(assetView),
    prompts: p.prompts,
    scripts: p.scripts,
  };
}
