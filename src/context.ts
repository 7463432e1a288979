import { createLoaders, type Loaders } from '../loaders/index.js';
import type { Config } from './config.js';
import type { ProviderRegistry } from './providers/registry.js';

/** What every resolver sees. Loaders are new for each request; providers are shared. */
export interface Context {
  providers: ProviderRegistry;
  loaders: Loaders;
  config: Config;
}

export function createContext(config: Config, providers: ProviderRegistry): Context {
  return {
    providers,
    config,
    loaders: createLoaders(providers, { concurrency: config.upstream.concurrency, batching: config.batching }),
  };
}
