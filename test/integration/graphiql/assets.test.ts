import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_ASSET_PATHS } from '../../../src/graphiql/assets.js';
import { startHarness, type Harness } from '../../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { API_TOKENS: 'assets-token' } });
});
afterAll(() => h?.stop());

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => request(`${h.url}${path}`, { method, headers });

describe("GraphiQL's files", () => {
  it('are served to anyone, with their type, and revalidate by ETag', async () => {
    for (const path of GRAPHIQL_ASSET_PATHS) {
      const res = await get(path);
      const body = Buffer.from(await res.body.arrayBuffer());
      expect(res.statusCode, path).toBe(200);
      expect(body.length, path).toBeGreaterThan(500);
      expect(res.headers['content-type'], path).toMatch(/^(text\/(css|javascript)|image\/x-icon)/);
      const again = await get(path, { 'if-none-match': String(res.headers.etag) });
      await again.body.dump();
      expect(again.statusCode, path).toBe(304);
    }
  });

  it('open GET and HEAD only: any other method on them needs a caller like every route', async () => {
    const head = await get('/graphiql/start.js', {}, 'HEAD');
    await head.body.dump();
    expect(head.statusCode).toBe(200);
    const post = await get('/graphiql/start.js', { 'content-type': 'application/json' }, 'POST');
    expect(post.statusCode).toBe(401);
    expect(await post.body.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('are the only paths under /graphiql/', async () => {
    const res = await get('/graphiql/other.js');
    await res.body.dump();
    expect(res.statusCode).toBe(404);
  });

  it('and the page name no other host: every file it loads is one of them', async () => {
    const res = await get('/graphql', { accept: 'text/html' });
    const html = await res.body.text();
    expect(res.statusCode).toBe(200);
    const loaded = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(loaded.length).toBeGreaterThan(0);
    for (const path of loaded) expect(GRAPHIQL_ASSET_PATHS).toContain(path);
    const start = await (await get('/graphiql/start.js')).body.text();
    expect(start).not.toMatch(/https?:\/\//);
    // New tabs ask for the token this server needs.
    expect(html).toContain('Bearer \\u003cyour token>');
  });
});
