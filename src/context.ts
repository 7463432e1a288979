import { createLoaders, type Loaders } from '../loaders/index.js';
import type { Config } from './config/index.js';
import type { LiveEngine } from './live/index.js';
import type { Logger } from './observability/logger.js';
import type { ProviderRegistry } from './providers/registry.js';

/** What every resolver sees. Loaders are new for each request (made on first use); providers are shared. */
export interface Context {
  providers: ProviderRegistry;
  loaders: Loaders;
  config: Config;
  /** The app's one live engine: subscriptions watch through it, mutations publish to it. */
  live: LiveEngine;
  /** This request's logger (carries its request id); made on first use. */
  log: Logger;
}

export function createContext(config: Config, providers: ProviderRegistry, live: LiveEngine, logger: () => Logger): Context {
  let loaders: Loaders | undefined;
  let log: Logger | undefined;
  return {
    providers,
    config,
    live,
    // A child logger per request costs more than most requests log: made when a resolver logs.
    get log() {
      log ??= logger();
      return log;
    },
    // Built on first use: a subscription's context lives as long as it does and never loads.
    get loaders() {
      loaders ??= createLoaders(providers, { concurrency: config.upstream.concurrency, batching: config.batching });
      return loaders;
    },
  };
}
