import type { Plugin } from 'graphql-yoga';
import { createLoaders, type Loaders } from '../loaders/index.js';
import type { Config } from './config/index.js';
import type { LiveEngine } from './live/index.js';
import type { Logger } from './logger.js';
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
      return (log ??= logger());
    },
    // Built on first use: a subscription's context lives as long as it does and never loads.
    get loaders() {
      return (loaders ??= createLoaders(providers, { concurrency: config.upstream.concurrency, batching: config.batching }));
    },
  };
}

/**
 * Puts the context's members on envelop's context object in place, getters and all. yoga's `context`
 * option merges what it returns with Object.assign, which calls every getter: the loaders and the
 * request's logger would be built for every request and subscription, used or not.
 */
export function useContext(make: (initial: InitialContext) => Context): Plugin {
  return {
    onContextBuilding({ context }) {
      Object.defineProperties(context, Object.getOwnPropertyDescriptors(make(context as InitialContext)));
    },
  };
}

/** What a transport puts on envelop's context before ours: the HTTP request, or a websocket's logger. */
export interface InitialContext {
  request?: Request;
  /** A graphql-ws connection's logger (src/ws.ts), so its operations log under the connection's id. */
  connectionLogger?: Logger;
}
