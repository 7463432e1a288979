import type { z } from 'zod';
import type { VideoJungleConfig } from './env.js';
import { badInput, ProviderError } from '../../errors/domain.js';
import { createHttp, type ClientOptions, type ProviderHttp } from '../http/index.js';
import type { AssetListFilter, ListWindow, Page, Project } from '../types.js';
import type { ProjectSource, ProviderClient, StatusCheck } from '../port.js';
import type { ProjectWriter, VideoJungleAsset } from './types.js';
import { classifyVjError, mapVjAsset, mapVjProject, pageVjAssets } from './map.js';
import { vjAsset, vjAssetList, vjCheck, vjProject, vjProjectList } from './wire.js';
import { mapLimit } from '../concurrency.js';
import { uuidPath } from './paths.js';
import { createVjProjectWriter } from './project-writer.js';
import { createVjWriter, type VjWriter } from './writer.js';

export interface VideoJungleClient extends ProviderClient<VideoJungleAsset> {
  projects: ProjectSource<VideoJungleAsset>;
  writer: VjWriter;
  projectWriter: ProjectWriter;
  /** GET /assets/check/{id}: whether the asset's file is uploaded yet. NOT_FOUND for an unknown id. */
  status: StatusCheck;
}

function checkWindow(window: ListWindow): void {
  if (!Number.isInteger(window.offset) || window.offset < 0 || !Number.isInteger(window.limit) || window.limit < 0) {
    throw badInput('a list window needs a non-negative integer offset and limit');
  }
}

/**
 * Video Jungle over its REST API: `X-API-Key` auth (the current SDK's header; the docs' Bearer is
 * older), bare-array lists, no multi-get (maxBatch 1) and no global asset list.
 */
export function createVideoJungleClient(config: VideoJungleConfig, options: ClientOptions): VideoJungleClient {
  // No rate limits or Retry-After are documented (providers.md §1.2): a 429 waits the shared default.
  const http = createHttp(
    {
      provider: 'VIDEO_JUNGLE',
      baseUrl: config.baseUrl,
      headers: { 'X-API-Key': config.apiKey, accept: 'application/json' },
      classify: classifyVjError,
    },
    options,
  );

  /** Every project with its assets embedded: the only way to see all assets at once. */
  const fetchProjects = () => http.request({ method: 'GET', path: '/projects', endpoint: 'GET /projects', schema: vjProjectList });

  /** One asset; NOT_FOUND when Video Jungle answers 404. */
  async function fetchAsset(id: string): Promise<VideoJungleAsset> {
    const path = `/assets/${uuidPath(id, 'asset')}`;
    return mapVjAsset(await http.request({ method: 'GET', path, endpoint: 'GET /assets/{id}', schema: vjAsset }));
  }

  /** For reads a missing id is absent, not an error. */
  async function getAsset(id: string): Promise<VideoJungleAsset | null> {
    try {
      return await fetchAsset(id);
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** The loaders send one id at a time; more are fetched one call each, bounded like the loaders do. */
  async function getAssets(ids: readonly string[]): Promise<VideoJungleAsset[]> {
    for (const id of ids) uuidPath(id, 'asset');
    const found = await mapLimit(ids, options.upstream.concurrency, getAsset);
    return found.filter((a): a is VideoJungleAsset => a !== null);
  }

  async function listAssets(window: ListWindow, filter: AssetListFilter): Promise<Page<VideoJungleAsset>> {
    checkWindow(window);
    return pageVjAssets(await fetchProjects(), window, filter);
  }

  const projects = vjProjects(http, fetchProjects);

  return {
    assets: {
      name: 'VIDEO_JUNGLE',
      maxBatch: 1,
      getAssets,
      listAssets,
      // Video Jungle has no asset list: every window is one read of all projects, paged here.
      listCalls: () => 1,
    },
    projects,
    writer: createVjWriter({ http, baseUrl: config.baseUrl, concurrency: options.upstream.concurrency, fetchAsset }),
    projectWriter: createVjProjectWriter(http, { fetchAsset, getProject: projects.getProject }),
    status: { isReady: (id) => checkAsset(http, id) },
    close: () => http.close(),
  };
}

/** Projects, each with its assets embedded (the only way to see all assets at once). */
function vjProjects(http: ProviderHttp, fetchProjects: () => Promise<z.infer<typeof vjProjectList>>): ProjectSource<VideoJungleAsset> {
  return {
    async listProjects(): Promise<Project[]> {
      return (await fetchProjects()).map(mapVjProject);
    },
    async getProject(id: string): Promise<Project> {
      const path = `/projects/${uuidPath(id, 'project')}`;
      const wire = await http.request({ method: 'GET', path, endpoint: 'GET /projects/{id}', schema: vjProject });
      return mapVjProject(wire);
    },
    // Singular /asset, as the SDK calls it; the docs' plural /assets is unverified.
    async listProjectAssets(projectId: string): Promise<VideoJungleAsset[]> {
      const path = `/projects/${uuidPath(projectId, 'project')}/asset`;
      const endpoint = 'GET /projects/{id}/asset';
      const list = await http.request({ method: 'GET', path, endpoint, schema: vjAssetList });
      return list.map((a) => mapVjAsset(a, projectId));
    },
  };
}

/** Whether an upload has landed: the status check the live engine polls. */
async function checkAsset(http: ProviderHttp, id: string): Promise<boolean> {
  const path = `/assets/check/${uuidPath(id, 'asset')}`;
  const endpoint = 'GET /assets/check/{id}';
  const { uploaded } = await http.request({ method: 'GET', path, endpoint, schema: vjCheck });
  return uploaded;
}
