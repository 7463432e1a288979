import type { SandboxPart } from '../../src/providers/module.js';
import { SANDBOX_CREDENTIALS } from '../credentials.js';
import type { SandboxDefinition, SandboxResponse } from '../server.js';
import { detail, videoJungleRoutes } from './routes.js';
import { seedVideoJungle } from './seed.js';
import { VideoJungleStore, type VideoJungleStoreOptions } from './store.js';
import { VideoJungleUploads } from './uploads.js';
import { videoJungleWriteRoutes } from './write-routes.js';
import { VideoJungleWrites } from './writes.js';

export { VideoJungleStore, type VideoJungleStoreOptions } from './store.js';

export interface VideoJungleSandbox extends SandboxDefinition {
  /** The seeded account, for tests that need ids (projectIds(), assetIds(), pendingAssetIds()). */
  store: VideoJungleStore;
  /** The upload state: `byS3Key` maps a direct upload's S3 key to its video file id. */
  uploads: VideoJungleUploads;
}

/**
 * FastAPI's bodies: `{detail}` for HTTPExceptions, "Not Found" for a path no route serves (the
 * harness names the path, FastAPI does not), and Starlette's plain-text page for an unhandled 500.
 */
function errorResponse(status: number, message: string): SandboxResponse {
  if (status === 500) {
    return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error' };
  }
  if (status === 404 && message.startsWith('no route for ')) return detail(404, 'Not Found');
  return detail(status, message);
}

/**
 * Video Jungle's API at the root of its host (no path prefix), over a deterministic seeded account,
 * with its write endpoints and the S3 bucket its direct uploads go to (under /__s3/).
 */
export function createVideoJungleSandbox(options: VideoJungleStoreOptions = {}): VideoJungleSandbox {
  const store = new VideoJungleStore(seedVideoJungle(), options);
  const uploads = new VideoJungleUploads(new VideoJungleWrites(store));
  const routes = [...videoJungleRoutes(store), ...videoJungleWriteRoutes(uploads.writes, uploads)];
  return { prefix: '', routes, errorResponse, store, uploads };
}

/** The stand-in as its provider module loads it. */
export const videoJungleSandbox: SandboxPart<VideoJungleSandbox> = {
  create: () => createVideoJungleSandbox(),
  env: (baseUrl) => ({ VIDEO_JUNGLE_BASE_URL: baseUrl, VIDEO_JUNGLE_API_KEY: SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey }),
};
