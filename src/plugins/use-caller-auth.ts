import type { Plugin } from 'graphql-yoga';
import { bearer, type CallerAuth } from '../auth/tokens.js';
import { looksLikeJwt } from '../auth/jwt.js';
import { errorResponse } from '../server/error-response.js';
import { GRAPHIQL_ASSETS, OPEN_PATHS } from '../server/routes.js';

/**
 * Rejects HTTP and SSE requests without a valid bearer token before anything is parsed (websockets
 * check the same tokens at connection_init, in src/ws.ts). An allow-list: every request needs a
 * caller except the open paths of src/server/routes.ts and the GraphiQL page with its static files
 * (the HTML shell and its scripts; its queries carry the token), so a route added later is closed
 * until it is listed there. List it before any plugin that answers a route.
 */
export function useCallerAuth(auth: CallerAuth, options: { jwt: boolean }, endpoint = '/graphql'): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (auth.anonymous || OPEN_PATHS.has(url.pathname) || isGraphiQLFile(request, url) || isGraphiQLPage(request, url, endpoint)) return;
      const header = request.headers.get('authorization');
      if (auth.authenticate(header)) return;
      // A JWT goes on to yoga's JWT plugin, which verifies it (and refuses a bad one with 401).
      if (options.jwt && looksLikeJwt(bearer(header))) return;
      const message = header ? 'The bearer token is not valid for this API.' : 'Send Authorization: Bearer <token>.';
      endResponse(errorResponse(401, 'UNAUTHENTICATED', message, { headers: { 'www-authenticate': 'Bearer' }, fetchAPI }));
    },
  };
}

/** One of GraphiQL's static files: the same bytes for everyone, nothing to execute. */
function isGraphiQLFile(request: Request, url: URL): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && GRAPHIQL_ASSETS.has(url.pathname);
}

/** A browser asking for GraphiQL: nothing in the request can be executed (yoga renders the page instead). */
function isGraphiQLPage(request: Request, url: URL, endpoint: string): boolean {
  return (
    url.pathname === endpoint &&
    request.method === 'GET' &&
    !url.searchParams.has('query') &&
    !url.searchParams.has('extensions') &&
    (request.headers.get('accept')?.includes('text/html') ?? false)
  );
}
