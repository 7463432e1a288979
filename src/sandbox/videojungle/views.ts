import type { AssetSeed, ProjectSeed } from './seed.js';

/** An asset as stored: its seed plus the state that changes when its upload lands. */
export interface AssetRecord extends AssetSeed {
  uploaded: boolean;
  status: string | null;
  /** Epoch ms when a pending asset lands; null once uploaded. */
  landsAt: number | null;
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
