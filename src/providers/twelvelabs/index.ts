import type { ProviderModule } from '../module.js';
import type { TwelveLabsSandbox } from '../../../sandbox/twelvelabs/index.js';
import { type TwelveLabsClient, createTwelveLabsClient } from './client.js';
import { twelveLabsEnv, type TwelveLabsConfig } from './env.js';

/** A Twelve Labs account through its Assets API v1.3. */
export const twelveLabs: ProviderModule<'TWELVE_LABS', TwelveLabsConfig, TwelveLabsClient, TwelveLabsSandbox> = {
  name: 'TWELVE_LABS',
  label: 'Twelve Labs',
  typename: 'TwelveLabsAsset',
  nodeTypes: [],
  env: twelveLabsEnv,
  secrets: (config) => [config.apiKey],
  capabilities: ['ASSET_READ', 'ASSET_LIST', 'MULTI_GET', 'SEARCH', 'MEDIA_TYPE_FILTER', 'UPLOAD', 'UPLOAD_TARGET', 'DELETE', 'UPDATE'],
  create: createTwelveLabsClient,
  graphql: () => import('./graphql.js'),
  sandbox: () => import('../../../sandbox/twelvelabs/index.js').then((m) => m.twelveLabsSandbox),
};
