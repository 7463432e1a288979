import type { ProviderModule } from '../module.js';
import type { UplynkSandbox } from '../../../sandbox/uplynk/index.js';
import { type UplynkClient, createUplynkClient } from './client.js';
import { uplynkEnv, type UplynkConfig } from './env.js';

/** An Uplynk (Edgio) account through its Integration API v2: signed POSTs to /api2/asset/<action>. */
export const uplynk: ProviderModule<'UPLYNK', UplynkConfig, UplynkClient, UplynkSandbox> = {
  name: 'UPLYNK',
  label: 'Uplynk',
  typename: 'UplynkAsset',
  nodeTypes: [],
  env: uplynkEnv,
  secrets: (config) => [config.apiKey],
  capabilities: ['ASSET_READ', 'ASSET_LIST', 'MULTI_GET', 'EXTERNAL_IDS', 'FRAMES', 'THUMBNAILS', 'CHANGE_FEED', 'SEARCH', 'DELETE', 'UPDATE'],
  create: createUplynkClient,
  graphql: () => import('./graphql/index.js'),
  sandbox: () => import('../../../sandbox/uplynk/index.js').then((m) => m.uplynkSandbox),
};
