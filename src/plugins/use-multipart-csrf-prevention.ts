import type { Plugin } from 'graphql-yoga';
import { errorResponse } from '../server/error-response.js';

/** Headers a browser cannot send cross-site without a CORS preflight (Apollo's and yoga's names). */
const PREFLIGHT_HEADERS = ['graphql-require-preflight', 'apollo-require-preflight', 'x-graphql-yoga-csrf'];

/**
 * CSRF prevention for uploads: a multipart POST is a "simple" request a hostile page can send with
 * the user's cookies, so it must carry a header that forces a preflight. JSON bodies already do.
 */
export function useMultipartCsrfPrevention(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST' || !request.headers.get('content-type')?.includes('multipart/form-data')) return;
      if (PREFLIGHT_HEADERS.some((h) => request.headers.has(h))) return;
      const message = `Multipart requests must send one of the headers ${PREFLIGHT_HEADERS.join(', ')} (CSRF prevention).`;
      endResponse(errorResponse(400, 'CSRF_PREVENTION', message, { fetchAPI }));
    },
  };
}
