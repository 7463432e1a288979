import { SeededRandom } from '../random.js';
import type { SandboxResponse } from '../server.js';
import { vjTimestamp } from './formats.js';
import type { CustomPromptBody, ProjectCreateBody, VideoEditCreateBody } from './models.js';
import { detail, json } from './routes.js';
import { presignedUrls, type ProjectSeed } from './seed.js';
import type { VideoJungleStore } from './store.js';
import { assetView, projectHeaderView, type AssetRecord, type VideoFileRecord } from './views.js';

/**
 * What Video Jungle does on a write: projects, generations and rendered edits. New ids come from their
 * own seeded PRNG, so a test run creates the same ids every time and the seeded account is untouched.
 */
export class VideoJungleWrites {
  readonly prng = new SeededRandom(0x76a_1e);
  /** Video files by id (POST /video-file); edits and video-reference assets point at them. */
  readonly videoFiles = new Map<string, VideoFileRecord>();

  constructor(readonly store: VideoJungleStore) {}

  timestamp(): string {
    return vjTimestamp(this.store.now(), this.prng.int(0, 999));
  }

  /** A new asset record of a project, not uploaded; `processing` ones land after the store's delay. */
  newAsset(project: ProjectSeed, fields: Pick<AssetRecord, 'keyname' | 'assetType'> & Partial<AssetRecord>): AssetRecord {
    const id = this.prng.uuid();
    const key = this.prng.uuid();
    const urls = presignedUrls(this.prng, project, key, this.store.now(), fields.keyname.split('/').pop() || key);
    const processing = fields.status === 'processing';
    const record: AssetRecord = {
      id,
      key,
      projectId: project.id,
      assetPath: null,
      description: null,
      generatedDescription: null,
      createParameters: null,
      createdAt: this.timestamp(),
      readyStatus: null,
      pending: null,
      status: null,
      videoFileId: null,
      ...urls,
      ...fields,
      uploaded: false,
      landsAt: processing ? this.store.now() + this.store.writeDelayMs : null,
    };
    this.store.addAsset(record);
    return record;
  }

  /**
   * POST /projects. Starting from a prompt gives the project that prompt and a script over its
   * parameters, so it can generate at once [I: what the server builds from prompt_id is undocumented].
   */
  createProject(body: ProjectCreateBody): SandboxResponse {
    const prompt = body.prompt_id === null ? undefined : this.store.prompt(body.prompt_id);
    if (body.prompt_id !== null && !prompt) return detail(404, 'Prompt not found');
    const id = this.prng.uuid();
    const createdAt = this.timestamp();
    const inputs = ((prompt?.parameters as string[] | undefined) ?? []).map((name) => ({ name, type: 'string' }));
    const script = { id: this.prng.uuid(), project_id: id, name: `${body.name} script`, value: {}, inputs, created_at: createdAt, key: '', manuscript: '' };
    const project: ProjectSeed = {
      id,
      name: body.name,
      description: body.description,
      data: (body.data ?? '') as ProjectSeed['data'],
      createdAt,
      ownerId: this.store.ownerId,
      prompts: prompt ? [prompt] : [],
      scripts: prompt ? [script] : [],
      assetIds: [],
    };
    this.store.addProject(project);
    return json(200, { ...projectHeaderView(project), asset_count: 0 });
  }

  deleteProject(id: string): SandboxResponse {
    return this.store.removeProject(id) ? json(200, { message: 'Project deleted' }) : detail(404, 'Project not found');
  }

  deleteAsset(id: string): SandboxResponse {
    return this.store.removeAsset(id) ? json(200, { message: 'Asset deleted' }) : detail(404, 'Asset not found');
  }

  /**
   * POST /projects/{pid}/{script_id}/generate: the query string holds the script's parameters; each
   * input the script declares must be there [I: the server's answer to a missing one is a guess].
   */
  generate(project: ProjectSeed, scriptId: string, query: URLSearchParams, custom: CustomPromptBody | null): SandboxResponse {
    const script = project.scripts.find((s) => s.id === scriptId);
    if (!script) return detail(404, 'Script not found');
    const params = Object.fromEntries(query);
    for (const input of (script.inputs as { name: string }[] | undefined) ?? []) {
      if (!(input.name in params)) return detail(400, `Missing script parameter: ${input.name}`);
    }
    const createParameters = custom ? { ...params, prompt: custom.prompt, prompt_persona: custom.prompt_persona } : params;
    const key = this.prng.uuid();
    const record = this.newAsset(project, {
      keyname: key,
      assetType: 'generated_video',
      status: 'processing',
      createParameters,
      description: `${project.name}: ${Object.values(params).join(', ')}`,
    });
    return json(200, { asset_id: record.id, asset_key: record.key });
  }

  /**
   * POST /projects/{pid}/create-edit. Clips of type "asset" and "videofile" must exist [I]; other types
   * and audio overlays are not looked up. With skip_rendering the asset waits unrendered (status null).
   */
  createEdit(project: ProjectSeed, edit: VideoEditCreateBody): SandboxResponse {
    for (const clip of edit.video_series_sequential) {
      if (clip.type === 'asset' && !this.store.assetRecord(clip.video_id)) return detail(404, `Asset not found: ${clip.video_id}`);
      if (clip.type === 'videofile' && !this.videoFiles.has(clip.video_id)) return detail(404, `Video file not found: ${clip.video_id}`);
    }
    const fps = String(edit.video_output_fps);
    const record = this.newAsset(project, {
      keyname: edit.video_output_filename,
      assetType: 'finished_video',
      status: edit.skip_rendering ? null : 'processing',
      description: edit.description ?? `Final render, ${edit.video_output_resolution} at ${fps} fps`,
      createParameters: {
        video_output_resolution: edit.video_output_resolution,
        video_output_fps: fps,
        video_output_format: edit.video_output_format,
      },
    });
    return json(200, { asset_id: record.id, asset_key: record.key, edit_id: this.prng.uuid() });
  }

  /** The asset as POST /projects/{id}/asset and the bytes upload answer it. */
  assetReply(record: AssetRecord, extra: Record<string, unknown> = {}): SandboxResponse {
    return json(200, { ...assetView(record), ...extra });
  }
}
