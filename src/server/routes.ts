import { GRAPHIQL_ASSET_PATHS } from '../graphiql/assets.js';

/**
 * What this server serves, in one table: the edge (src/server/edge.ts) answers 404 for any other path
 * before a handler runs, and the caller check (src/auth-plugin.ts) lets through without a token only
 * the open paths, the GraphiQL page and its files. A path added to ROUTES alone therefore needs a caller.
 */

/** The one path GraphQL is served on, over HTTP, SSE and websockets; no other spelling of it exists. */
export const GRAPHQL_PATH = '/graphql';

/** Liveness, readiness and the Prometheus scrape: open to anyone who can reach the port. */
export const OPEN_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/** GraphiQL's own files (GET and HEAD only), open like the GraphiQL page that loads them. */
export const GRAPHIQL_ASSETS: ReadonlySet<string> = new Set(GRAPHIQL_ASSET_PATHS);

/** Every path answered over HTTP, exactly as spelled. */
export const ROUTES: ReadonlySet<string> = new Set([GRAPHQL_PATH, ...OPEN_PATHS, ...GRAPHIQL_ASSETS]);
