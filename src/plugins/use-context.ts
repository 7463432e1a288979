import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { Logger } from '../observability/logger.js';

/**
 * Makes envelop's context object ours in place (`extend` writes our members onto it, getters and
 * all). yoga's `context` option merges what it returns with Object.assign, which calls every getter:
 * the loaders and the request's logger would be built for every request and subscription, used or not.
 */
export function useContext(extend: (context: InitialContext) => Context): Plugin {
  return {
    onContextBuilding({ context }) {
      extend(context as InitialContext);
    },
  };
}

/** What a transport puts on envelop's context before ours: the HTTP request, or a websocket's logger. */
export interface InitialContext {
  request?: Request;
  /** A graphql-ws connection's logger (src/ws.ts), so its operations log under the connection's id. */
  connectionLogger?: Logger;
}
