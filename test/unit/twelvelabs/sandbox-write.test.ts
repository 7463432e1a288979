import { beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import type { SandboxRequest, SandboxResponse } from '../../../sandbox/server.js';
import { createTwelveLabsSandbox, type TwelveLabsSandbox } from '../../../sandbox/twelvelabs/index.js';
import { TwelveLabsStore } from '../../../sandbox/twelvelabs/store.js';

const KEY = SANDBOX_CREDENTIALS.TWELVE_LABS.apiKey;
const MiB = 1024 * 1024;

function fakeClock(start = 1_800_000_000_000) {
  const clock = { now: start, read: () => clock.now };
  return clock;
}

interface Call {
  params?: Record<string, string>;
  query?: string;
  key?: string | null;
  body?: Buffer;
  contentType?: string;
}

async function call(sandbox: TwelveLabsSandbox, method: string, pattern: string, options: Call = {}): Promise<SandboxResponse> {
  const route = sandbox.routes.find((r) => r.method === method && r.pattern === pattern)!;
  const key = options.key === undefined ? KEY : options.key;
  const req: SandboxRequest = {
    method,
    path: pattern,
    params: options.params ?? {},
    query: new URLSearchParams(options.query ?? ''),
    headers: {
      host: '127.0.0.1:9',
      ...(key !== null && { 'x-api-key': key }),
      ...(options.contentType && { 'content-type': options.contentType }),
    },
    body: options.body ?? Buffer.alloc(0),
  };
  return route.handler(req);
}

/** A real multipart body, as fetch would encode it. */
async function multipart(fields: Record<string, string | File>): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

async function create(sandbox: TwelveLabsSandbox, fields: Record<string, string | File>) {
  return call(sandbox, 'POST', '/assets', await multipart(fields));
}

const json = (value: unknown) => ({ body: Buffer.from(JSON.stringify(value)), contentType: 'application/json' });
const code = (res: SandboxResponse) => (res.body as { code: string }).code;
const video = (size: number, name = 'clip.mp4') => new File([new Uint8Array(size)], name, { type: 'video/mp4' });

describe('Twelve Labs sandbox: POST /assets', () => {
  let clock: ReturnType<typeof fakeClock>;
  let sandbox: TwelveLabsSandbox;

  beforeEach(() => {
    clock = fakeClock();
    sandbox = createTwelveLabsSandbox(new TwelveLabsStore({ clock: clock.read, uploadDelayMs: 4000 }));
  });

  it('creates a processing asset (201, an Asset) that turns ready after the store delay', async () => {
    const res = await create(sandbox, { method: 'direct', file: video(2048), user_metadata: '{"a":1,"b":"x","c":true}' });
    expect(res.status).toBe(201);
    const body = res.body as Record<string, unknown>;
    expect(body).toMatchObject({ method: 'direct', status: 'processing', filename: 'clip.mp4', file_type: 'video/mp4' });
    expect(body['user_metadata']).toEqual({ a: 1, b: 'x', c: true });
    expect(body['size']).toBeUndefined();
    const id = body['_id'] as string;
    expect(sandbox.store.ids()[0]).toBe(id);
    clock.now += 3999;
    expect(sandbox.store.get(id)?.status).toBe('processing');
    clock.now += 1;
    expect(sandbox.store.get(id)).toMatchObject({ status: 'ready', size: 2048 });
  });

  it('answers the documented 400s', async () => {
    const cases: [Record<string, string | File>, string][] = [
      [{ file: video(10) }, 'parameter_not_provided'],
      [{ method: 'upload', file: video(10) }, 'parameter_invalid'],
      [{ method: 'direct' }, 'parameter_not_provided'],
      [{ method: 'url' }, 'parameter_not_provided'],
      [{ method: 'url', url: 'ftp://host/a.mp4' }, 'parameter_invalid'],
      [{ method: 'url', url: 'https://host/a.mp4', file: video(10) }, 'parameter_invalid'],
      [{ method: 'direct', file: video(10), filename: 'x'.repeat(256) }, 'parameter_invalid'],
      [{ method: 'direct', file: video(10), filename: '' }, 'parameter_invalid'],
      [{ method: 'direct', file: video(10), user_metadata: '{"a":{"b":1}}' }, 'parameter_invalid'],
      [{ method: 'direct', file: video(10), user_metadata: '[1]' }, 'parameter_invalid'],
      [{ method: 'direct', file: video(10), user_metadata: 'not json' }, 'parameter_invalid'],
      [{ method: 'direct', file: video(10), enable_hls: 'yes' }, 'parameter_invalid'],
      [{ method: 'direct', file: new File(['hi'], 'a.txt', { type: 'text/plain' }) }, 'parameter_invalid'],
      [{ method: 'direct', file: video(0) }, 'parameter_invalid'],
      [{ method: 'direct', file: video(10), colour: 'red' }, 'parameter_unknown'],
    ];
    for (const [fields, expected] of cases) {
      const res = await create(sandbox, fields);
      expect([res.status, code(res)], JSON.stringify(Object.keys(fields))).toEqual([400, expected]);
    }
    expect(sandbox.store.ids()).toHaveLength(150);
  });

  it('enforces the size limits by type with a 400 (only 400 is documented for create)', async () => {
    const image = new File([new Uint8Array(32 * MiB + 1)], 'a.png', { type: 'image/png' });
    const res = await create(sandbox, { method: 'direct', file: image });
    expect([res.status, code(res)]).toEqual([400, 'parameter_invalid']);
    expect((res.body as { message: string }).message).toContain('32 MB');
    const atLimit = new File([new Uint8Array(32 * MiB)], 'b.png', { type: 'image/png' });
    expect((await create(sandbox, { method: 'direct', file: atLimit })).status).toBe(201);
  });

  it('refuses a body that is not multipart, and a missing key first', async () => {
    const res = await call(sandbox, 'POST', '/assets', json({ method: 'url' }));
    expect([res.status, code(res)]).toEqual([400, 'parameter_invalid']);
    const denied = await call(sandbox, 'POST', '/assets', { ...(await multipart({ method: 'direct', file: video(1) })), key: null });
    expect([denied.status, code(denied)]).toEqual([401, 'api_key_invalid']);
  });

  it('guesses the type of an octet-stream part from its name, and keeps renditions when asked', async () => {
    const file = new File([new Uint8Array(100)], 'take.mov', { type: 'application/octet-stream' });
    const res = await create(sandbox, { method: 'direct', file, enable_hls: 'true', enable_thumbnail: 'true' });
    const id = (res.body as { _id: string })._id;
    expect(sandbox.store.get(id)).toMatchObject({ file_type: 'video/quicktime', hls: { status: 'processing' } });
    clock.now += 4000;
    expect(sandbox.store.get(id)?.hls?.status).toBe('ready');
    expect(sandbox.store.get(id)?.thumbnail?.representative_url).toContain(id);
  });

  it('turns a URL ending in /fail into a failed asset after the delay', async () => {
    const res = await create(sandbox, { method: 'url', url: 'https://cdn.example.com/v/fail' });
    const id = (res.body as { _id: string })._id;
    expect(sandbox.store.get(id)).toMatchObject({ status: 'processing', filename: 'fail' });
    clock.now += 4000;
    expect(sandbox.store.get(id)).toMatchObject({ status: 'failed', error: { message: expect.stringContaining('download') } });
  });
});

describe('Twelve Labs sandbox: DELETE and user-metadata', () => {
  let sandbox: TwelveLabsSandbox;
  beforeEach(() => {
    sandbox = createTwelveLabsSandbox();
  });

  it('seeds some ready videos as used by an index', () => {
    const referenced = sandbox.store.idsReferencedByIndex();
    expect(referenced.length).toBeGreaterThanOrEqual(5);
    for (const id of referenced) expect(sandbox.store.get(id)).toMatchObject({ status: 'ready', file_type: expect.stringMatching(/^video\//) });
  });

  it('answers 409 for an indexed asset unless force=true, 400 resource_not_exist for an unknown one', async () => {
    const id = sandbox.store.idsReferencedByIndex()[0]!;
    const conflict = await call(sandbox, 'DELETE', '/assets/:id', { params: { id } });
    expect([conflict.status, code(conflict)]).toEqual([409, 'asset_in_use']);
    const bad = await call(sandbox, 'DELETE', '/assets/:id', { params: { id }, query: 'force=yes' });
    expect(code(bad)).toBe('parameter_invalid');
    const ok = await call(sandbox, 'DELETE', '/assets/:id', { params: { id }, query: 'force=true' });
    expect(ok).toEqual({ status: 200 });
    expect(sandbox.store.get(id)).toBeUndefined();
    expect(sandbox.store.ids()).not.toContain(id);
    const again = await call(sandbox, 'DELETE', '/assets/:id', { params: { id } });
    expect([again.status, code(again)]).toEqual([400, 'resource_not_exist']);
  });

  it('PUT replaces (null and "" ignored), PATCH merges (null deletes), DELETE clears; 404 when unknown', async () => {
    const { store } = sandbox;
    const id = store.ids()[30]!;
    const put = await call(sandbox, 'PUT', '/assets/:id/user-metadata', { params: { id }, ...json({ user_metadata: { a: 1, b: '', c: null, d: 'x' } }) });
    expect(put.status).toBe(204);
    expect(store.get(id)?.user_metadata).toEqual({ a: 1, d: 'x' });
    await call(sandbox, 'PATCH', '/assets/:id/user-metadata', { params: { id }, ...json({ user_metadata: { a: null, d: '', e: false } }) });
    expect(store.get(id)?.user_metadata).toEqual({ d: 'x', e: false });
    await call(sandbox, 'DELETE', '/assets/:id/user-metadata', { params: { id } });
    expect(store.get(id)?.user_metadata).toBeUndefined();
    const unknown = await call(sandbox, 'PUT', '/assets/:id/user-metadata', { params: { id: 'nope' }, ...json({ user_metadata: {} }) });
    expect([unknown.status, code(unknown)]).toEqual([404, 'resource_not_exist']);
    const missing = await call(sandbox, 'PUT', '/assets/:id/user-metadata', { params: { id }, ...json({}) });
    expect([missing.status, code(missing)]).toEqual([400, 'parameter_not_provided']);
    const nested = await call(sandbox, 'PUT', '/assets/:id/user-metadata', { params: { id }, ...json({ user_metadata: { a: [1] } }) });
    expect(code(nested)).toBe('parameter_invalid');
  });
});

describe('Twelve Labs sandbox: multipart upload sessions', () => {
  const sandbox = createTwelveLabsSandbox();
  const open = (body: unknown) => call(sandbox, 'POST', '/assets/multipart-uploads', json(body));

  it('opens a session with the first 10 URLs of 5 MiB parts and a 24-hour expiry', async () => {
    const res = await open({ filename: 'big.mp4', type: 'video', total_size: 300 * MiB });
    expect(res.status).toBe(201);
    const body = res.body as { upload_id: string; asset_id: string; upload_urls: { chunk_index: number; url: string }[] } & Record<string, unknown>;
    expect(body).toMatchObject({ chunk_size: 5 * MiB, total_chunks: 60, upload_headers: {} });
    expect(body.upload_urls.map((u) => u.chunk_index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(body.upload_urls[0]!.url).toMatch(
      /^http:\/\/127\.0\.0\.1:9\/v1\.3\/multipart-uploads\/[0-9a-f]{24}\/chunks\/1\?expires=\d+&signature=[0-9a-f]{64}$/,
    );
    expect(Date.parse(body['expires_at'] as string) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(sandbox.store.get(body.asset_id)).toMatchObject({ status: 'processing', method: 'multipart' });
    const more = await call(sandbox, 'POST', '/assets/multipart-uploads/:upload_id/presigned-urls', {
      params: { upload_id: body.upload_id },
      ...json({ start: 11, count: 50 }),
    });
    expect((more.body as { upload_urls: unknown[] }).upload_urls).toHaveLength(50);
    const tooMany = await call(sandbox, 'POST', '/assets/multipart-uploads/:upload_id/presigned-urls', {
      params: { upload_id: body.upload_id },
      ...json({ start: 51, count: 11 }),
    });
    expect(code(tooMany)).toBe('parameter_invalid');
  });

  it('validates the session request and answers 404 for an unknown session', async () => {
    expect(code(await open({ type: 'video', total_size: 10 }))).toBe('parameter_not_provided');
    expect(code(await open({ filename: 'a.pdf', type: 'document', total_size: 10 }))).toBe('parameter_invalid');
    // 10 GB for video and audio, 32 MB for images (TL-PY): the old 4 GB cap no longer applies.
    expect((await open({ filename: 'a.mp4', type: 'video', total_size: 4 * 1024 ** 3 + 1 })).status).toBe(201);
    expect(code(await open({ filename: 'a.mp4', type: 'video', total_size: 10 * 1024 ** 3 + 1 }))).toBe('parameter_invalid');
    expect(code(await open({ filename: 'a.wav', type: 'audio', total_size: 10 * 1024 ** 3 + 1 }))).toBe('parameter_invalid');
    expect((await open({ filename: 'a.png', type: 'image', total_size: 32 * 1024 ** 2 })).status).toBe(201);
    expect(code(await open({ filename: 'a.png', type: 'image', total_size: 32 * 1024 ** 2 + 1 }))).toBe('parameter_invalid');
    expect(code(await open({ filename: 'a.mp4', type: 'video', total_size: '10' }))).toBe('parameter_invalid');
    const unknown = await call(sandbox, 'POST', '/assets/multipart-uploads/:upload_id', { params: { upload_id: 'nope' }, ...json({}) });
    expect([unknown.status, code(unknown)]).toEqual([404, 'resource_not_exist']);
  });
});
