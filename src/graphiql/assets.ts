import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { gunzipSync, gzip as gzipCallback } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { START_SCRIPT } from './start-script.js';

type Bundled = typeof import('@graphql-yoga/render-graphiql/graphiql');

const require = createRequire(import.meta.url);
const gzip = promisify(gzipCallback);

/**
 * GraphiQL's files, served by this server so the page needs no other host (offline, air-gapped, or
 * behind a CSP of 'self'). Their content is yoga's own offline build of its GraphiQL
 * (@graphql-yoga/render-graphiql, pinned with graphql-yoga), which would otherwise inline all of it,
 * 9 MB, into every page: as files they are fetched once and then revalidated by ETag.
 *
 * The package holds them as string literals in a 9 MB module. It is read on the first request for
 * one of them, each file is kept gzipped (2.5 MB in all, sent as is to every browser) and the module
 * is dropped again, so a server keeps neither its source nor its strings.
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
  gzipped: Buffer;
  etag: string;
}

let loaded: Promise<Map<string, Loaded>> | undefined;

function load(): Promise<Map<string, Loaded>> {
  loaded ??= (async () => {
    const path = require.resolve('@graphql-yoga/render-graphiql/graphiql');
    const bundled = require(path) as Bundled;
    delete require.cache[path];
    const files = new Map<string, Loaded>();
    for (const [asset, { content }] of Object.entries(ASSETS)) {
      const body = content(bundled);
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
      const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
      // Compressed off the event loop (libuv's pool): the first visitor does not stall other requests.
      files.set(asset, { gzipped: await gzip(bytes), etag });
    }
    return files;
  })();
  return loaded;
}

/** Answers GET and HEAD for the asset paths; every other request goes on. */
export function useGraphiQLAssets(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!(url.pathname in ASSETS) || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const type = ASSETS[url.pathname as keyof typeof ASSETS].type;
      const file = (await load()).get(url.pathname)!;
      const gzipped = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
      const headers: Record<string, string> = {
        'content-type': type,
        etag: file.etag,
        // Kept, but asked again each time, so an upgrade is never mixed with stale files.
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        'x-content-type-options': 'nosniff',
      };
      if (gzipped) headers['content-encoding'] = 'gzip';
      const fresh = request.headers.get('if-none-match') === file.etag;
      // A client that takes no gzip (curl without --compressed) gets the file unpacked, at its own cost.
      const bytes = fresh || request.method === 'HEAD' ? null : gzipped ? file.gzipped : gunzipSync(file.gzipped);
      endResponse(new fetchAPI.Response(bytes as Uint8Array<ArrayBuffer> | null, { status: fresh ? 304 : 200, headers }));
    },
  };
}
