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

/**
 * `signal`: the request's, aborted when its client goes away; its loaders then stop waiting on shared
 * upstream calls (which run on for the other requests sharing them).
 */
export function createContext(config: Config, providers: ProviderRegistry, live: LiveEngine, logger: () => Logger, signal?: AbortSignal): Context {
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
      loaders ??= createLoaders(providers, { concurrency: config.upstream.concurrency, batching: config.batching, signal });
      return loaders;
    },
  };
}
