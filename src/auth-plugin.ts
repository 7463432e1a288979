import type { Plugin } from 'graphql-yoga';
import { bearer, type CallerAuth } from './auth.js';
import { looksLikeJwt } from './jwt.js';

const OPEN_PATHS = new Set(['/health', '/ready', '/metrics']);

/** The 401 every transport answers (SSE is HTTP; websockets close 4403 instead, in src/ws.ts). */
function unauthenticated(message: string): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }), {
    status: 401,
    headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
  });
}

/**
 * Rejects HTTP and SSE operations without a valid bearer token before anything is parsed. The
 * probes and GraphiQL's page (the HTML shell; its queries carry the token) stay open.
 */
export function useCallerAuth(auth: CallerAuth, options: { jwt: boolean }, endpoint = '/graphql'): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (auth.anonymous || OPEN_PATHS.has(url.pathname) || url.pathname !== endpoint) return;
      const wantsPage = request.method === 'GET' && !url.searchParams.has('query') && request.headers.get('accept')?.includes('text/html');
      if (wantsPage) return;
      const header = request.headers.get('authorization');
      if (auth.authenticate(header)) return;
      // A JWT goes on to yoga's JWT plugin, which verifies it (and refuses a bad one with 401).
      if (options.jwt && looksLikeJwt(bearer(header))) return;
      endResponse(unauthenticated(header ? 'The bearer token is not valid for this API.' : 'Send Authorization: Bearer <token>.'));
    },
  };
}
