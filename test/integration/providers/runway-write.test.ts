import { describe, expect, it } from 'vitest';
import { DomainError, ProviderError } from '../../../src/errors/domain.js';
import { createRunwayClient } from '../../../src/providers/runway/client.js';
import { RUNWAY_UPLOAD_MAX_BYTES } from '../../../src/providers/runway/media-types.js';
import type { UploadFile } from '../../../src/providers/types.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { renderPng } from '../../../sandbox/png.js';
import { createRunwaySandbox } from '../../../sandbox/runway/index.js';
import { SandboxServer } from '../../../sandbox/server.js';
import { clientOptions, rejection, useSandboxServer } from '../../helpers/sandbox-server.js';

const UPLOAD = 'POST /assets/';
const DELETE = 'DELETE /assets/:id';
const UNKNOWN = 'user:1234-runwayml:sandbox@assetfed.dev-asset:00000000-0000-4000-8000-000000000000';
// A sandbox of its own: these tests add and delete assets.
const sandbox = createRunwaySandbox();
const { server, track } = useSandboxServer(sandbox);

function client(overrides: Partial<{ token: string; email: string | undefined; baseUrl: string }> = {}) {
  const { token, email } = SANDBOX_CREDENTIALS.RUNWAY;
  const c = track(createRunwayClient({ token, email, baseUrl: server.url, ...overrides }, clientOptions()));
  return { assets: c.assets, writer: c.writer! };
}

/** renderPng's bytes as a BlobPart (a Buffer's ArrayBufferLike does not type-check as one). */
const pngBytes = (width: number, height: number, seed: number) => new Uint8Array(renderPng(width, height, seed));

/** A few bytes that start like an MP4 (ftyp box); the sandbox does not decode media. */
function fakeMp4(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(4096);
  bytes.set([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
  return bytes;
}

describe('Runway writer: upload', () => {
  it('streams a real PNG from a File, reads it back by id and finds it first in the list', async () => {
    const png = pngBytes(32, 24, 7);
    const file = new File([png], 'Storyboard frame 3.png', { type: 'image/png' });
    const { assets, writer } = client();
    const asset = await writer.upload!({ filename: 'Storyboard frame 3.png', file });
    expect(asset).toMatchObject({
      provider: 'RUNWAY',
      name: 'Storyboard frame 3.png',
      mediaType: 'IMAGE',
      status: 'READY',
      sizeBytes: png.length,
      mimeType: 'image/png',
      fileExtension: 'png',
      isUserUpload: true,
      username: 'sandbox',
    });
    expect(asset.providerId).toMatch(/^user:1234-runwayml:sandbox@assetfed\.dev-asset:[0-9a-f-]{36}$/);
    expect(server.calls(UPLOAD)).toBe(1);

    const [read] = await assets.getAssets([asset.providerId]);
    expect(read).toMatchObject({ providerId: asset.providerId, name: asset.name, sizeBytes: png.length });
    const page = await assets.listAssets({ offset: 0, limit: 3 }, {});
    expect(page.items[0]?.providerId).toBe(asset.providerId);
    const images = await assets.listAssets({ offset: 0, limit: 1 }, { mediaType: 'IMAGE' });
    expect(images.items[0]?.providerId).toBe(asset.providerId);
  });

  it('uploads an mp4 as a video', async () => {
    const bytes = fakeMp4();
    const file = new File([bytes], 'B-roll pier.mp4', { type: 'video/mp4' });
    const { assets, writer } = client();
    const asset = await writer.upload!({ filename: 'B-roll pier.mp4', file });
    expect(asset).toMatchObject({ mediaType: 'VIDEO', mimeType: 'video/mp4', sizeBytes: 4096, fileExtension: 'mp4' });
    expect(sandbox.store.listed('video')[0]?.assetId).toBe(asset.providerId);
    expect((await assets.getAssets([asset.providerId]))[0]?.mediaType).toBe('VIDEO');
    expect(server.calls(UPLOAD)).toBe(1);
  });

  it('streams a File-like that is not a Blob: stream() is read, arrayBuffer() never', async () => {
    const wav = new Uint8Array(2048).fill(7) as Uint8Array<ArrayBuffer>;
    let streamed = 0;
    const fileLike: UploadFile = {
      name: 'Ambient loop.wav',
      type: 'audio/x-wav',
      size: wav.length,
      stream: () => {
        streamed++;
        return new Blob([wav]).stream();
      },
      arrayBuffer: () => Promise.reject(new Error('the upload must not buffer the file')),
    };
    const asset = await client().writer.upload!({ filename: 'Ambient loop.wav', file: fileLike });
    expect(streamed).toBe(1);
    // audio/x-wav is sent in useapi's own spelling.
    expect(asset).toMatchObject({ mediaType: 'AUDIO', mimeType: 'audio/wav', sizeBytes: 2048 });
  });

  it('takes the type from the name when the file has none', async () => {
    const file = new File([fakeMp4()], 'Interview take 4.mov');
    expect(file.type).toBe('');
    const asset = await client().writer.upload!({ filename: 'Interview take 4.mov', file });
    expect(asset).toMatchObject({ mediaType: 'VIDEO', fileExtension: 'mov', mimeType: 'video/quicktime' });
  });

  it('rejects an unsupported type, with zero calls', async () => {
    const file = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    const error = await rejection(client().writer.upload!({ filename: 'notes.txt', file }));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect((error as DomainError).message).toContain('image/png');
    expect(server.calls()).toBe(0);
  });

  it('answers UNSUPPORTED_BY_PROVIDER for an upload from a URL, with zero calls', async () => {
    const input = { filename: 'clip.mp4', url: 'https://example.com/clip.mp4' };
    const error = await rejection(client().writer.upload!(input));
    expect((error as DomainError).code).toBe('UNSUPPORTED_BY_PROVIDER');
    expect(server.calls()).toBe(0);
  });

  it('refuses an empty file or name, a file over the limit, a project, metadata: zero calls', async () => {
    const { writer } = client();
    const png = new File([pngBytes(4, 4, 1)], 'a.png', { type: 'image/png' });
    // Claims a size over the limit; the check is on `size`, so no such file has to exist.
    const huge: UploadFile = {
      name: 'a.png',
      type: 'image/png',
      size: RUNWAY_UPLOAD_MAX_BYTES + 1,
      stream: () => png.stream(),
      arrayBuffer: () => png.arrayBuffer(),
    };
    const cases = [
      { filename: 'a.png', file: new File([], 'a.png', { type: 'image/png' }) },
      { filename: '   ', file: png },
      { filename: 'a.png', file: huge },
      { filename: 'a.png', file: png, projectId: 'p1' },
      { filename: 'a.png', file: png, metadata: { shot: 3 } },
      { filename: 'a.png' },
    ];
    const codes = [];
    for (const input of cases) codes.push(((await rejection(writer.upload!(input))) as DomainError).code);
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'UNSUPPORTED_BY_PROVIDER', 'UNSUPPORTED_BY_PROVIDER', 'BAD_USER_INPUT']);
    expect(server.calls()).toBe(0);
  });

  it('passes the account email, and an unknown one is REJECTED by useapi after one call', async () => {
    const file = () => new File([pngBytes(8, 8, 2)], 'logo.png', { type: 'image/png' });
    await client({ email: SANDBOX_CREDENTIALS.RUNWAY.email }).writer.upload!({ filename: 'logo.png', file: file() });
    const other = client({ email: 'other@example.com' }).writer;
    const error = await rejection(other.upload!({ filename: 'logo.png', file: file() }));
    expect(error).toMatchObject({ kind: 'REJECTED', status: 400 });
    expect((error as ProviderError).detail).toContain('other@example.com');
    expect(server.calls(UPLOAD)).toBe(2);
  });

  it('maps a wrong token to UNAUTHORIZED after one call', async () => {
    const file = new File([pngBytes(8, 8, 3)], 'x.png', { type: 'image/png' });
    const error = await rejection(client({ token: 'user:1234-wrong' }).writer.upload!({ filename: 'x.png', file }));
    expect(error).toMatchObject({ kind: 'UNAUTHORIZED', status: 401 });
    expect(server.calls(UPLOAD)).toBe(1);
  });

  it('does not retry an upload on a 5xx, and nothing is recorded', async () => {
    const before = sandbox.store.size;
    server.faults.next({ type: 'status', status: 503, message: 'Service unavailable' }, { endpoint: UPLOAD });
    const file = new File([pngBytes(8, 8, 4)], 'y.png', { type: 'image/png' });
    const error = await rejection(client().writer.upload!({ filename: 'y.png', file }));
    expect(error).toMatchObject({ kind: 'UNAVAILABLE', status: 503 });
    expect(server.calls(UPLOAD)).toBe(1);
    expect(sandbox.store.size).toBe(before);
  });

  it('reports a connection dropped mid-upload clearly, saying the asset may exist, without a retry', async () => {
    const before = sandbox.store.size;
    server.faults.next({ type: 'drop' }, { endpoint: UPLOAD });
    const file = new File([fakeMp4()], 'Drone pass.mp4', { type: 'video/mp4' });
    const error = await rejection(client().writer.upload!({ filename: 'Drone pass.mp4', file }));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('UNAVAILABLE');
    expect((error as ProviderError).detail).toMatch(/connection dropped.*may or may not have stored "Drone pass\.mp4"/);
    expect(server.calls(UPLOAD)).toBe(1);
    // The client created nothing before the one call; the sandbox dropped before storing.
    expect(sandbox.store.size).toBe(before);
  });

  it('says so clearly when the file itself breaks mid-stream; the provider stores nothing', async () => {
    const before = sandbox.store.size;
    const stream = () =>
      new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          controller.enqueue(new Uint8Array(1000));
          setTimeout(() => controller.error(new Error('client went away')), 20);
        },
      });
    const file: UploadFile = {
      name: 'a.mp4',
      type: 'video/mp4',
      size: 5000,
      stream,
      arrayBuffer: () => Promise.reject(new Error('unused')),
    };
    const error = await rejection(client().writer.upload!({ filename: 'a.mp4', file }));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toContain("could not be read to the end (the file's stream failed: client went away)");
    expect(sandbox.store.size).toBe(before);
  });

  it('turns a malformed reply, or a 200 without an assetId, into BAD_RESPONSE, never retried', async () => {
    const file = () => new File([pngBytes(8, 8, 5)], 'z.png', { type: 'image/png' });
    server.faults.next({ type: 'malformed' }, { endpoint: UPLOAD });
    expect(await rejection(client().writer.upload!({ filename: 'z.png', file: file() }))).toMatchObject({
      kind: 'BAD_RESPONSE',
    });
    // A 200 carrying only {error, code}: JSON, but no asset in it.
    server.faults.next({ type: 'status', status: 200, message: 'odd' }, { endpoint: UPLOAD });
    const error = await rejection(client().writer.upload!({ filename: 'z.png', file: file() }));
    expect(error).toMatchObject({ kind: 'BAD_RESPONSE', detail: 'the upload reply has no assetId' });
    expect(server.calls(UPLOAD)).toBe(2);
  });
});

describe('Runway writer: delete', () => {
  const upload = async (name: string) => client().writer.upload!({ filename: name, file: new File([pngBytes(8, 8, 9)], name, { type: 'image/png' }) });

  it('deletes an upload: gone from reads and from the list', async () => {
    const asset = await upload('Delete me.png');
    server.resetCounters();
    const { assets, writer } = client();
    const result = await writer.deleteAssets([asset.providerId], { force: false });
    expect(result).toEqual({ deleted: [asset.providerId], failed: [] });
    expect(server.calls(DELETE)).toBe(1);
    expect(await assets.getAssets([asset.providerId])).toEqual([]);
    const page = await assets.listAssets({ offset: 0, limit: 50 }, {});
    expect(page.items.map((a) => a.providerId)).not.toContain(asset.providerId);
  });

  it('deletes seeded assets one call each; an unknown id fails NOT_FOUND, a malformed one without a call', async () => {
    const [a, b] = sandbox.store
      .listed()
      .slice(5, 7)
      .map((r) => r.assetId) as [string, string];
    const result = await client().writer.deleteAssets([a, UNKNOWN, 'not-an-id', b, a], { force: true });
    expect(result.deleted).toEqual([a, b]);
    expect(result.failed.map((f) => f.id)).toEqual([UNKNOWN, 'not-an-id']);
    expect(result.failed[0]?.error).toMatchObject({ kind: 'NOT_FOUND', status: 404, detail: 'Not found.' });
    expect((result.failed[1]!.error as DomainError).code).toBe('BAD_USER_INPUT');
    // a, UNKNOWN, b: the repeated a and the malformed id cost nothing.
    expect(server.calls(DELETE)).toBe(3);
    expect(sandbox.store.get(a)).toBeUndefined();
  });

  it('keeps at most `concurrency` deletes in flight', async () => {
    const ids = sandbox.store
      .listed()
      .slice(10, 30)
      .map((r) => r.assetId);
    server.latencyMs = 20;
    const result = await client().writer.deleteAssets(ids, { force: false });
    expect(result.deleted).toHaveLength(20);
    expect(server.calls(DELETE)).toBe(20);
    expect(server.maxInFlight).toBeLessThanOrEqual(8);
    expect(server.maxInFlight).toBeGreaterThan(1);
  });

  it('does not retry a delete on a 5xx: the id is reported failed and the asset stays', async () => {
    const id = sandbox.store.listed().at(-1)!.assetId;
    server.faults.next({ type: 'status', status: 502, message: 'Bad gateway' }, { endpoint: DELETE });
    const result = await client().writer.deleteAssets([id], { force: false });
    expect(result.deleted).toEqual([]);
    expect(result.failed[0]?.error).toMatchObject({ kind: 'UNAVAILABLE', status: 502 });
    expect(server.calls(DELETE)).toBe(1);
    expect(sandbox.store.get(id)).toBeDefined();
  });

  it('reports a wrong token per id instead of throwing', async () => {
    const id = sandbox.store.listed().at(-2)!.assetId;
    const result = await client({ token: 'user:1234-wrong' }).writer.deleteAssets([id], { force: false });
    expect(result.failed[0]?.error).toMatchObject({ kind: 'UNAUTHORIZED' });
    expect(sandbox.store.get(id)).toBeDefined();
    expect(server.calls(DELETE)).toBe(1);
  });
});

describe('Runway sandbox write endpoints, on the wire', () => {
  const auth = { authorization: `Bearer ${SANDBOX_CREDENTIALS.RUNWAY.token}` };
  const post = (query: string, headers: Record<string, string>, body?: Uint8Array<ArrayBuffer>) =>
    fetch(`${server.url}/assets/${query}`, { method: 'POST', headers, body });

  it('answers the documented upload model and checks every rule', async () => {
    const png = pngBytes(4, 4, 1);
    const ok = await post('?name=tiny.png', { ...auth, 'content-type': 'image/png' }, png);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: { name: 'image', type: 'image', isDirectory: false }, size: png.length });
    expect(body).not.toHaveProperty('mediaType');

    const cases: [Response, number][] = [
      [await post('?name=a.png', { 'content-type': 'image/png' }, png), 401],
      [await post('', { ...auth, 'content-type': 'image/png' }, png), 400],
      [await post('?name=a.txt', { ...auth, 'content-type': 'text/plain' }, png), 400],
      [await post('?name=a.png', { ...auth, 'content-type': 'image/png' }), 400],
    ];
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ error: expect.any(String), code: status });
    }
  });

  it('enforces its size limit with 413', async () => {
    const small = new SandboxServer(createRunwaySandbox({ maxUploadBytes: 100 }));
    const url = await small.start(0);
    try {
      const res = await fetch(`${url}/assets/?name=big.png`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'image/png' },
        body: new Uint8Array(101),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ code: 413 });
    } finally {
      await small.stop();
    }
  });

  it('answers DELETE of the raw id with {success: true}, then 404 "Not found."; an encoded id is not found', async () => {
    const id = sandbox.store.listed().at(-3)!.assetId;
    const encoded = await fetch(`${server.url}/assets/${encodeURIComponent(id)}`, { method: 'DELETE', headers: auth });
    expect([encoded.status, await encoded.json()]).toEqual([404, { error: 'Not found.', code: 404 }]);
    const first = await fetch(`${server.url}/assets/${id}`, { method: 'DELETE', headers: auth });
    expect([first.status, await first.json()]).toEqual([200, { success: true }]);
    const second = await fetch(`${server.url}/assets/${id}`, { method: 'DELETE', headers: auth });
    expect([second.status, await second.json()]).toEqual([404, { error: 'Not found.', code: 404 }]);
    const anonymous = await fetch(`${server.url}/assets/${id}`, { method: 'DELETE' });
    expect(anonymous.status).toBe(401);
  });
});
