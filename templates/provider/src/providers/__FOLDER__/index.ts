import type { __PASCAL__Sandbox } from '../../../sandbox/__FOLDER__/index.js';
import type { ProviderModule } from '../module.js';
import { create__PASCAL__Client, type __PASCAL__Client } from './client.js';
import { __CAMEL__Env, type __PASCAL__Config } from './env.js';

/** A __LABEL__ account through its REST API. */
export const __CAMEL__: ProviderModule<'__ENUM__', __PASCAL__Config, __PASCAL__Client, __PASCAL__Sandbox> = {
  name: '__ENUM__',
  label: '__LABEL__',
  typename: '__PASCAL__Asset',
  nodeTypes: [],
  env: __CAMEL__Env,
  secrets: (config) => [config.token],
  capabilities: ['ASSET_READ', 'ASSET_LIST'],
  create: create__PASCAL__Client,
  graphql: () => import('./graphql.js'),
  sandbox: () => import('../../../sandbox/__FOLDER__/index.js').then((m) => m.__CAMEL__Sandbox),
};
