import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import type { SandboxRequest, SandboxResponse } from '../../../sandbox/server.js';
import { createTwelveLabsSandbox } from '../../../sandbox/twelvelabs/index.js';
import { seedAssets } from '../../../sandbox/twelvelabs/seed.js';
import { TwelveLabsStore } from '../../../sandbox/twelvelabs/store.js';

const KEY = SANDBOX_CREDENTIALS.TWELVE_LABS.apiKey;

function fakeClock(start = 1_800_000_000_000) {
  const clock = { now: start, read: () => clock.now };
  return clock;
}

async function call(
  sandbox: ReturnType<typeof createTwelveLabsSandbox>,
  pattern: string,
  options: { query?: string; id?: string; key?: string | null } = {},
): Promise<SandboxResponse> {
  const route = sandbox.routes.find((r) => r.pattern === pattern)!;
  const key = options.key === undefined ? KEY : options.key;
  const req: SandboxRequest = {
    method: 'GET',
    path: pattern,
    params: options.id === undefined ? {} : { id: options.id },
    query: new URLSearchParams(options.query ?? ''),
    headers: key === null ? {} : { 'x-api-key': key },
    body: Buffer.alloc(0),
  };
  return route.handler(req);
}

describe('Twelve Labs sandbox seed', () => {
  it('is deterministic and has the documented mix', () => {
    const a = seedAssets();
    const b = seedAssets();
    expect(a.map((s) => s.record._id)).toEqual(b.map((s) => s.record._id));
    expect(a).toHaveLength(150);
    const count = (status: string) => a.filter((s) => s.initialStatus === status).length;
    expect(count('processing')).toBe(6);
    expect(count('failed')).toBe(2);
    expect(count('waiting')).toBe(2);
    expect(new Set(a.map((s) => s.kind))).toEqual(new Set(['video', 'image', 'audio']));
  });

  it('uses 24-hex ObjectId-like ids whose leading bytes are the creation time', () => {
    for (const { record, createdAtMs } of seedAssets()) {
      expect(record._id).toMatch(/^[0-9a-f]{24}$/);
      expect(parseInt(record._id.slice(0, 8), 16)).toBe(createdAtMs / 1000);
      expect(record.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });
});

describe('Twelve Labs sandbox store', () => {
  it('lists newest first with page_info', () => {
    const store = new TwelveLabsStore();
    const page = store.list({ page: 2, pageLimit: 50 });
    expect(page.page_info).toEqual({ limit_per_page: 50, page: 2, total_page: 3, total_results: 150 });
    const times = store.list({ page: 1, pageLimit: 50 }).data.map((a) => Date.parse(a.created_at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(store.list({ page: 9, pageLimit: 20 }).data).toEqual([]);
  });

  it('filters by ids, types and filename', () => {
    const store = new TwelveLabsStore();
    const ids = store.ids();
    const picked = [ids[40]!, ids[3]!, 'ffffffffffffffffffffffff', ids[3]!];
    expect(store.list({ page: 1, pageLimit: 50, assetIds: picked }).data.map((a) => a._id)).toEqual([ids[3], ids[40]]);
    const audio = store.list({ page: 1, pageLimit: 50, assetTypes: ['audio'] });
    expect(audio.data.every((a) => a.file_type.startsWith('audio/'))).toBe(true);
    expect(audio.page_info.total_results).toBe(store.idsOfKind('audio').length);
    const found = store.list({ page: 1, pageLimit: 50, filename: 'KEYNOTE' }).data;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((a) => a.filename.toLowerCase().includes('keynote'))).toBe(true);
  });

  it('turns processing assets ready after their delay, with the measured fields filled in', () => {
    const clock = fakeClock();
    const store = new TwelveLabsStore({ clock: clock.read });
    const [id] = store.idsWithInitialStatus('processing', 'video');
    const before = store.get(id!)!;
    expect(before.status).toBe('processing');
    expect(before.technical_metadata).toBeUndefined();
    expect(before.size).toBeUndefined();
    expect(before.hls).toEqual({ status: 'processing' });
    clock.now += 8000;
    const after = store.get(id!)!;
    expect(after.status).toBe('ready');
    expect(after.size).toBeGreaterThan(0);
    expect(after.duration).toBeGreaterThan(0);
    expect(after.technical_metadata).toMatchObject({ video_width: expect.any(Number) });
    expect(after.hls?.manifest_url).toMatch(/master\.m3u8$/);
  });

  it('spreads the seeded delays over 3–8 s and lets tests restart them with their own delay', () => {
    const clock = fakeClock();
    const store = new TwelveLabsStore({ clock: clock.read });
    const ids = store.idsWithInitialStatus('processing');
    clock.now += 2999;
    expect(ids.every((id) => store.get(id)!.status === 'processing')).toBe(true);
    clock.now += 1;
    expect(ids.filter((id) => store.get(id)!.status === 'ready')).toHaveLength(1);
    clock.now += 5000;
    expect(ids.every((id) => store.get(id)!.status === 'ready')).toBe(true);
    store.setReadyDelay(200);
    expect(ids.every((id) => store.get(id)!.status === 'processing')).toBe(true);
    clock.now += 200;
    expect(ids.every((id) => store.get(id)!.status === 'ready')).toBe(true);
  });

  it('serves failed and legacy waiting assets as seeded', () => {
    const store = new TwelveLabsStore();
    const failed = store.get(store.idsWithInitialStatus('failed')[0]!)!;
    expect(failed).toMatchObject({ status: 'failed', error: { message: expect.any(String) } });
    const waiting = store.get(store.idsWithInitialStatus('waiting')[0]!)!;
    expect(waiting).toMatchObject({
      status: 'waiting',
      url: expect.stringMatching(/^https:/),
      url_expires_at: expect.any(String),
    });
  });
});

describe('Twelve Labs sandbox routes', () => {
  const sandbox = createTwelveLabsSandbox();

  it('rejects a missing or wrong x-api-key with 401 api_key_invalid', async () => {
    for (const key of [null, 'tlk_wrong']) {
      const res = await call(sandbox, '/assets', { key });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'api_key_invalid', docs_url: expect.stringContaining('docs.twelvelabs.io') });
    }
  });

  it.each([
    ['page_limit=51', 'page_limit'],
    ['page_limit=0', 'page_limit'],
    ['page_limit=ten', 'page_limit'],
    ['page=0', 'page'],
    ['page=1.5', 'page'],
    ['asset_types=document', 'asset_types'],
    ['asset_types=video,image', 'asset_types'],
  ])('rejects %s with 400 parameter_invalid', async (query, name) => {
    const res = await call(sandbox, '/assets', { query });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'parameter_invalid', message: `The ${name} parameter is invalid.` });
  });

  it('rejects unknown parameters with parameter_unknown', async () => {
    const res = await call(sandbox, '/assets', { query: 'limit=10' });
    expect(res).toMatchObject({ status: 400, body: { code: 'parameter_unknown' } });
  });

  it('defaults to page 1 of 10 and accepts repeated asset_types', async () => {
    const res = await call(sandbox, '/assets', { query: 'asset_types=video&asset_types=audio' });
    expect(res.status).toBe(200);
    const body = res.body as { data: { file_type: string }[]; page_info: { limit_per_page: number; page: number } };
    expect(body.page_info).toMatchObject({ limit_per_page: 10, page: 1 });
    expect(body.data.every((a) => !a.file_type.startsWith('image/'))).toBe(true);
  });

  it('retrieves one asset, and answers an unknown id with 400 resource_not_exist', async () => {
    const id = sandbox.store.ids()[10]!;
    expect(await call(sandbox, '/assets/:id', { id })).toMatchObject({ status: 200, body: { _id: id } });
    const missing = await call(sandbox, '/assets/:id', { id: '000000000000000000000000' });
    expect(missing).toMatchObject({
      status: 400,
      body: { code: 'resource_not_exist', message: 'Resource with id 000000000000000000000000 does not exist in assets.' },
    });
  });

  it('builds error bodies for injected faults in the same envelope', () => {
    expect(sandbox.errorResponse(429, 'slow down')).toMatchObject({
      status: 429,
      body: { code: 'too_many_requests', message: 'slow down' },
    });
    expect(sandbox.errorResponse(503, 'down')).toMatchObject({ status: 503, body: { code: 'internal_server_error' } });
  });
});
