import type { ProviderModule } from '../module.js';
import type { RunwaySandbox } from '../../../sandbox/runway/index.js';
import { type RunwayClient, createRunwayClient } from './client.js';
import { runwayEnv, type RunwayConfig } from './env.js';

/** Runway, through useapi.net's Runway API (v1). */
export const runway: ProviderModule<'RUNWAY', RunwayConfig, RunwayClient, RunwaySandbox> = {
  name: 'RUNWAY',
  label: 'Runway',
  typename: 'RunwayAsset',
  nodeTypes: [],
  env: runwayEnv,
  secrets: (config) => [config.token],
  capabilities: ['ASSET_READ', 'ASSET_LIST', 'MEDIA_TYPE_FILTER', 'UPLOAD', 'DELETE'],
  create: createRunwayClient,
  graphql: () => import('./graphql.js'),
  sandbox: () => import('../../../sandbox/runway/index.js').then((m) => m.runwaySandbox),
};
