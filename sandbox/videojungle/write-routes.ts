import type { Route, SandboxRequest, SandboxResponse } from '../server.js';
import { AssetCreate, CustomPrompt, ProjectCreate, VideoEditCreate, VideoUpload } from './models.js';
import { parseBody, type Check } from './pydantic.js';
import { ASSET, detail, json, PROJECT, route } from './routes.js';
import { s3PostObject } from './s3.js';
import type { ProjectSeed } from './seed.js';
import { S3_PATH, type VideoJungleUploads } from './uploads.js';
import type { VideoJungleWrites } from './writes.js';

/** The request body through a model: the value, or FastAPI's 422. */
function withBody<T>(req: SandboxRequest, model: Check<T>, use: (body: T) => SandboxResponse): SandboxResponse {
  const parsed = parseBody(req.body, model);
  return 'issues' in parsed ? json(422, { detail: parsed.issues }) : use(parsed.value);
}

/** The write endpoints, and the fake S3 bucket that `direct` uploads post to (no API key there). */
export function videoJungleWriteRoutes(writes: VideoJungleWrites, uploads: VideoJungleUploads): Route[] {
  const { store } = writes;
  const inProject = (id: string, use: (p: ProjectSeed) => SandboxResponse): SandboxResponse => {
    const project = store.project(id);
    // The store hands out read-only projects; the handlers read them and add assets through the store.
    return project ? use(project as ProjectSeed) : detail(404, 'Project not found');
  };
  return [
    route('POST', '/projects', {}, (req) => withBody(req, ProjectCreate, (b) => writes.createProject(b))),
    route('DELETE', '/projects/:id', PROJECT, (_req, [id]) => writes.deleteProject(id!)),
    // The body is validated (422) before the handler looks the project up (404), as FastAPI runs them.
    route('POST', '/projects/:id/asset', PROJECT, (req, [id]) => withBody(req, AssetCreate, (b) => inProject(id!, (p) => uploads.createAsset(p, b)))),
    route('POST', '/projects/:id/create-edit', PROJECT, (req, [id]) => withBody(req, VideoEditCreate, (b) => inProject(id!, (p) => writes.createEdit(p, b)))),
    route('POST', '/projects/:id/:scriptId/generate', { id: 'project_id', scriptId: 'script_id' }, (req, [id, scriptId]) =>
      // The custom-prompt body is optional: an empty body is a plain generation.
      req.body.length === 0
        ? inProject(id!, (p) => writes.generate(p, scriptId!, req.query, null))
        : withBody(req, CustomPrompt, (b) => inProject(id!, (p) => writes.generate(p, scriptId!, req.query, b))),
    ),
    // upload_url.url of a file asset [I: the real path is whatever the server returns; the SDK just posts to it].
    route('POST', '/assets/:id/upload', ASSET, (req, [id]) => uploads.receiveBytes(id!, req)),
    route('DELETE', '/assets/:id', ASSET, (_req, [id]) => writes.deleteAsset(id!)),
    route('POST', '/video-file', {}, (req) => withBody(req, VideoUpload, (b) => uploads.createVideoFile(b, String(req.headers.host ?? '127.0.0.1')))),
    route('DELETE', '/video-file/:id', { id: 'video_file_id' }, (_req, [id]) => uploads.deleteVideoFile(id!)),
    { method: 'POST', pattern: S3_PATH, handler: (req) => s3PostObject(uploads, req) },
  ];
}
