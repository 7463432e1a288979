import type { ProviderModule } from '../module.js';
import type { VideoJungleSandbox } from '../../../sandbox/videojungle/index.js';
import { type VideoJungleClient, createVideoJungleClient } from './client.js';
import { videoJungleEnv, type VideoJungleConfig } from './env.js';

/** A Video Jungle account: projects, their assets, scripts and edits. */
export const videoJungle: ProviderModule<'VIDEO_JUNGLE', VideoJungleConfig, VideoJungleClient, VideoJungleSandbox> = {
  name: 'VIDEO_JUNGLE',
  label: 'Video Jungle',
  typename: 'VideoJungleAsset',
  nodeTypes: ['Project'],
  env: videoJungleEnv,
  secrets: (config) => [config.apiKey],
  capabilities: ['ASSET_READ', 'ASSET_LIST', 'PROJECTS', 'SEARCH', 'MEDIA_TYPE_FILTER', 'UPLOAD', 'UPLOAD_TARGET', 'DELETE', 'GENERATE', 'RENDER_EDIT'],
  create: createVideoJungleClient,
  graphql: () => import('./graphql/index.js'),
  sandbox: () => import('../../../sandbox/videojungle/index.js').then((m) => m.videoJungleSandbox),
};
