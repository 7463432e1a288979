import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { START_SCRIPT } from './start-script.js';

type Bundled = typeof import('@graphql-yoga/render-graphiql/graphiql');

/**
 * GraphiQL's files, served by this server so the page needs no other host (offline, air-gapped, or
 * behind a CSP of 'self'). Their content is yoga's own offline build of its GraphiQL
 * (@graphql-yoga/render-graphiql, pinned with graphql-yoga), which would otherwise inline all of it,
 * 9 MB, into every page: as files they are fetched once and then revalidated by ETag.
 */
const ASSETS = {
  '/graphiql/graphiql.css': { type: 'text/css; charset=utf-8', content: (b: Bundled) => b.css },
  '/graphiql/graphiql.js': { type: 'text/javascript; charset=utf-8', content: (b: Bundled) => b.js },
  '/graphiql/editor.worker.js': { type: 'text/javascript; charset=utf-8', content: (b: Bundled) => b.editorWorkerService },
  '/graphiql/json.worker.js': { type: 'text/javascript; charset=utf-8', content: (b: Bundled) => b.jsonWorker },
  '/graphiql/graphql.worker.js': { type: 'text/javascript; charset=utf-8', content: (b: Bundled) => b.graphqlWorker },
  '/graphiql/favicon.ico': { type: 'image/x-icon', content: (b: Bundled) => Buffer.from(b.favicon.slice(b.favicon.indexOf(',') + 1), 'base64') },
  '/graphiql/start.js': { type: 'text/javascript; charset=utf-8', content: () => START_SCRIPT },
} satisfies Record<string, { type: string; content: (bundled: Bundled) => string | Buffer }>;

/** Every path GraphiQL's page loads besides itself: src/server/routes.ts lists them, open to anyone. */
export const GRAPHIQL_ASSET_PATHS: readonly string[] = Object.keys(ASSETS);

interface Loaded {
  body: Buffer;
  etag: string;
}

let loaded: Promise<Map<string, Loaded>> | undefined;

/** Read on the first request for one of them: a server nobody opens GraphiQL on never holds the 9 MB. */
function load(): Promise<Map<string, Loaded>> {
  loaded ??= import('@graphql-yoga/render-graphiql/graphiql').then((bundled) => {
    const files = new Map<string, Loaded>();
    for (const [path, asset] of Object.entries(ASSETS)) {
      const content = asset.content(bundled);
      const body = Buffer.isBuffer(content) ? content : Buffer.from(content);
      files.set(path, { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
    }
    return files;
  });
  return loaded;
}

/** Answers GET and HEAD for the asset paths; every other request goes on. */
export function useGraphiQLAssets(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!(url.pathname in ASSETS) || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const type = ASSETS[url.pathname as keyof typeof ASSETS].type;
      const file = (await load()).get(url.pathname)!;
      // no-cache: kept, but asked again each time, so an upgrade is never mixed with stale files.
      const headers = { 'content-type': type, etag: file.etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
      const fresh = request.headers.get('if-none-match') === file.etag;
      const body = fresh || request.method === 'HEAD' ? null : (file.body as Uint8Array<ArrayBuffer>);
      endResponse(new fetchAPI.Response(body, { status: fresh ? 304 : 200, headers }));
    },
  };
}
