import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';
import type { QueryLimits } from './config.js';

/**
 * graphql-armor's limits on every operation, over HTTP, SSE and websockets alike (they run in the
 * envelope's parse and validate phases, which src/ws.ts shares). Introspection is off unless allowed.
 */
export function queryLimitPlugins(limits: QueryLimits, introspection: boolean): Plugin[] {
  const plugins: Plugin[] = [
    maxTokensPlugin({ n: limits.maxTokens, exposeLimits: true }),
    maxDepthPlugin({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true, ignoreIntrospection: true }),
    maxAliasesPlugin({ n: limits.maxAliases, exposeLimits: true }),
    maxDirectivesPlugin({ n: limits.maxDirectives, exposeLimits: true }),
    costLimitPlugin({ maxCost: limits.maxCost, exposeLimits: true, ignoreIntrospection: true }),
  ] as Plugin[];
  if (!introspection) plugins.push(useDisableIntrospection() as Plugin);
  return plugins;
}

/** Headers a browser cannot send cross-site without a CORS preflight (Apollo's and yoga's names). */
const PREFLIGHT_HEADERS = ['graphql-require-preflight', 'apollo-require-preflight', 'x-graphql-yoga-csrf'];

/**
 * CSRF prevention for uploads: a multipart POST is a "simple" request a hostile page can send with
 * the user's cookies, so it must carry a header that forces a preflight. JSON bodies already do.
 */
export function useMultipartCsrfPrevention(): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST' || !request.headers.get('content-type')?.includes('multipart/form-data')) return;
      if (PREFLIGHT_HEADERS.some((h) => request.headers.has(h))) return;
      endResponse(
        new Response(
          JSON.stringify({
            errors: [{
              message: `Multipart requests must send one of the headers ${PREFLIGHT_HEADERS.join(', ')} (CSRF prevention).`,
              extensions: { code: 'CSRF_PREVENTION' },
            }],
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
      );
    },
  };
}
