import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { createVideoJungleSandbox } from '../../../sandbox/videojungle/index.js';
import { seedVideoJungle } from '../../../sandbox/videojungle/seed.js';
import { VideoJungleStore } from '../../../sandbox/videojungle/store.js';
import type { SandboxRequest } from '../../../sandbox/server.js';

const clock = (start = 1_000_000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('seedVideoJungle', () => {
  it('is deterministic and shaped like the account the brief describes', () => {
    const a = seedVideoJungle();
    expect(seedVideoJungle()).toEqual(a);
    expect(a.projects).toHaveLength(8);
    for (const p of a.projects) expect(p.assetIds.length).toBeGreaterThanOrEqual(5);
    for (const p of a.projects) expect(p.assetIds.length).toBeLessThanOrEqual(16);
    expect(a.assets.filter((x) => x.pending).length).toBeGreaterThanOrEqual(3);
    expect(new Set(a.assets.map((x) => x.assetType))).toEqual(
      new Set(['user', 'generated_video', 'finished_video', 'youtube-url', 'video', 'video_edit', 'image', 'audio']),
    );
    expect(a.projects.some((p) => typeof p.data === 'string') && a.projects.some((p) => typeof p.data === 'object')).toBe(true);
    for (const x of a.assets) {
      expect(x.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(x.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
      expect(x.url).toContain('X-Amz-Signature=');
    }
  });
});

describe('VideoJungleStore', () => {
  it('lands pending assets after their delay and changes the bodies it serves', () => {
    const c = clock();
    const store = new VideoJungleStore(seedVideoJungle(), { now: c.now, pendingDelayMs: 5000 });
    const [pending] = store.pendingAssetIds();
    expect(pending).toBeDefined();
    expect(JSON.parse(store.checkBody(pending!)!)).toEqual({ uploaded: false });
    const before = JSON.parse(store.assetBody(pending!)!);
    expect(before).toMatchObject({ uploaded: false, url: null, download_url: null });
    expect(['processing', 'queued']).toContain(before.status);

    c.advance(4999);
    expect(store.pendingAssetIds()).toContain(pending);
    c.advance(1);
    expect(store.pendingAssetIds()).toEqual([]);
    expect(JSON.parse(store.checkBody(pending!)!)).toEqual({ uploaded: true });
    const after = JSON.parse(store.assetBody(pending!)!);
    expect(after.uploaded).toBe(true);
    expect(after.url).toContain('X-Amz-Signature=');
    const listed = JSON.parse(store.projectsBody()).flatMap((p: { assets: { id: string }[] }) => p.assets);
    expect(listed.find((a: { id: string }) => a.id === pending).uploaded).toBe(true);
  });

  it('reschedules pending assets with settlePendingIn', () => {
    const c = clock();
    const store = new VideoJungleStore(seedVideoJungle(), { now: c.now, pendingDelayMs: 60_000 });
    const count = store.pendingAssetIds().length;
    store.settlePendingIn(100);
    c.advance(99);
    expect(store.pendingAssetIds()).toHaveLength(count);
    c.advance(1);
    expect(store.pendingAssetIds()).toHaveLength(0);
  });

  it('serves GET /assets/{id} with key, project_id and the project header, as the docs show', () => {
    const store = new VideoJungleStore();
    const id = store.assetIds()[0]!;
    const body = JSON.parse(store.assetBody(id)!);
    expect(Object.keys(body.project).sort()).toEqual(['created_at', 'data', 'description', 'id', 'name', 'owner_id']);
    expect(body.project_id).toBe(body.project.id);
    expect(body.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.assetBody('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});

describe('Video Jungle sandbox routes', () => {
  const sandbox = createVideoJungleSandbox();
  const call = (pattern: string, id: string | undefined, headers: Record<string, string>) => {
    const route = sandbox.routes.find((r) => r.pattern === pattern)!;
    const req: SandboxRequest = {
      method: 'GET',
      path: pattern,
      params: id === undefined ? {} : { id },
      query: new URLSearchParams(),
      headers,
      body: Buffer.alloc(0),
    };
    return route.handler(req) as { status: number; body: string };
  };
  const auth = { 'x-api-key': SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey };

  it('answers FastAPI auth errors before validating the path', () => {
    expect(call('/assets/:id', 'nope', {})).toMatchObject({ status: 403, body: '{"detail":"Not authenticated"}' });
    expect(call('/assets/:id', 'nope', { 'x-api-key': 'wrong' })).toMatchObject({ status: 401, body: '{"detail":"Invalid API key"}' });
  });

  it('answers 422 uuid_parsing for a malformed id, and accepts the simple and uppercase forms', () => {
    const bad = call('/assets/:id', 'not-a-uuid', auth);
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.body).detail[0]).toMatchObject({ type: 'uuid_parsing', loc: ['path', 'asset_id'] });
    const id = sandbox.store.assetIds()[0]!;
    expect(call('/assets/:id', id.replace(/-/g, '').toUpperCase(), auth).status).toBe(200);
  });

  it('answers 404 with a detail for unknown ids', () => {
    const missing = call('/projects/:id', '00000000-0000-4000-8000-000000000000', auth);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).detail).toMatch(/not found/i);
  });

  it("uses FastAPI's bodies for unknown routes and crashes", () => {
    expect(sandbox.errorResponse(404, 'no route for GET /projects/x/assets').body).toBe('{"detail":"Not Found"}');
    expect(sandbox.errorResponse(500, 'boom')).toMatchObject({ body: 'Internal Server Error' });
    expect(sandbox.errorResponse(503, 'down').body).toBe('{"detail":"down"}');
  });
});
