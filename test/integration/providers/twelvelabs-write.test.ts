import { setTimeout as sleep } from 'node:timers/promises';
import { File as PonyfillFile } from '@whatwg-node/node-fetch';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, type InvalidInputError, ProviderError } from '../../../src/errors/domain.js';
import { createTwelveLabsClient, type TwelveLabsClient } from '../../../src/providers/twelvelabs/client.js';
import type { TwelveLabsAsset } from '../../../src/providers/twelvelabs/types.js';
import type { UploadFile } from '../../../src/providers/types.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { createTwelveLabsSandbox, TwelveLabsStore } from '../../../sandbox/twelvelabs/index.js';
import { clientOptions, useSandboxServer } from '../../helpers/sandbox-server.js';
import { twelveLabs } from '../../../src/providers/twelvelabs/index.js';

const CREATE = 'POST /assets';
const RETRIEVE = 'GET /assets/:id';
const DELETE = 'DELETE /assets/:id';
const PUT_METADATA = 'PUT /assets/:id/user-metadata';
const DELETE_METADATA = 'DELETE /assets/:id/user-metadata';
const SESSION = 'POST /assets/multipart-uploads';
const MORE_URLS = 'POST /assets/multipart-uploads/:upload_id/presigned-urls';
const REPORT = 'POST /assets/multipart-uploads/:upload_id';
const PART = 'PUT /multipart-uploads/:upload_id/chunks/:chunk_index';
const UNKNOWN_ID = '000000000000000000000000';
const DELAY_MS = 150;

const sandbox = createTwelveLabsSandbox(new TwelveLabsStore({ uploadDelayMs: DELAY_MS }));
const { store } = sandbox;
const { server, track } = useSandboxServer(sandbox);
let client: TwelveLabsClient;
let writer: Required<TwelveLabsClient['writer']>;

beforeAll(() => {
  client = track(createTwelveLabsClient({ apiKey: SANDBOX_CREDENTIALS.TWELVE_LABS.apiKey, baseUrl: server.url }, clientOptions()));
  writer = client.writer as Required<TwelveLabsClient['writer']>;
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

async function providerFailure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

async function inputFailure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('BAD_USER_INPUT');
  return error as DomainError;
}

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31) % 256);
const OCTET_STREAM = { name: 'Content-Type', value: 'application/octet-stream' };
/** The headers an upload target says each part goes with. */
const headersOf = (target: { headers: { name: string; value: string }[] }) => Object.fromEntries(target.headers.map((h) => [h.name, h.value]));

/** A File-like that is not a Blob (as a ponyfill would be), streamed in three pieces; optionally breaking. */
function ponyfill(data: Uint8Array, name: string, type: string, breakAfterFirst = false): UploadFile {
  const third = Math.ceil(data.length / 3);
  const file = {
    name,
    type,
    size: data.length,
    stream: () => {
      let offset = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (breakAfterFirst && offset > 0) return controller.error(new Error('disk read failed'));
          if (offset >= data.length) return controller.close();
          controller.enqueue(data.slice(offset, offset + third));
          offset += third;
        },
      });
    },
    arrayBuffer: async () => data.slice().buffer,
  };
  return file as unknown as UploadFile;
}

/** A File-like whose size alone matters: the client refuses it before reading a byte. */
const sized = (size: number, name: string, type: string) => ({ ...ponyfill(new Uint8Array(0), name, type), size }) as UploadFile;

async function settled(id: string): Promise<TwelveLabsAsset> {
  for (const deadline = Date.now() + 3000; Date.now() < deadline; await sleep(40)) {
    const asset = await client.getAsset(id);
    if (asset.status !== 'PROCESSING') return asset;
  }
  throw new Error(`asset ${id} still processing`);
}

describe('Twelve Labs upload (POST /assets)', () => {
  it('declares the write capabilities', () => {
    expect(twelveLabs.capabilities).toEqual(expect.arrayContaining(['UPLOAD', 'UPLOAD_TARGET', 'DELETE', 'UPDATE']));
    expect(client.writer.maxDeleteBatch).toBe(1);
    expect(client.updater.updatableFields).toEqual(['metadata']);
  });

  it('uploads a real File as multipart, PROCESSING first, then READY with what was measured', async () => {
    const file = new File([bytes(4096)], 'keynote.mp4', { type: 'video/mp4' });
    const asset = await writer.upload({ filename: 'Keynote – final "cut".mp4', file, metadata: { campaign: 'spring', take: 3, ok: true } });
    expect(asset).toMatchObject({
      provider: 'TWELVE_LABS',
      status: 'PROCESSING',
      providerStatus: 'processing',
      method: 'direct',
      filename: 'Keynote – final "cut".mp4',
      mimeType: 'video/mp4',
      mediaType: 'VIDEO',
      userMetadata: { campaign: 'spring', take: 3, ok: true },
      sizeBytes: null,
    });
    expect(asset.providerId).toMatch(/^[0-9a-f]{24}$/);
    expect(server.calls(CREATE)).toBe(1);
    const ready = await settled(asset.providerId);
    expect(ready).toMatchObject({ status: 'READY', sizeBytes: 4096 });
    expect(ready.durationSeconds).toBeGreaterThan(0);
    expect(ready.technicalMetadata).toMatchObject({ file_size_bytes: 4096, file_mime_type: 'video/mp4' });
    const page = await client.assets.listAssets({ offset: 0, limit: 1 }, {});
    expect(page.items[0]?.providerId).toBe(asset.providerId);
  });

  it('streams a File-like that is not a Blob, and takes the name and type from it', async () => {
    const file = ponyfill(bytes(3000), 'voiceover.mp3', '');
    expect(file instanceof Blob).toBe(false);
    const asset = await writer.upload({ filename: '', file });
    expect(asset).toMatchObject({ filename: 'voiceover.mp3', mimeType: 'audio/mpeg', mediaType: 'AUDIO' });
    expect((await settled(asset.providerId)).sizeBytes).toBe(3000);
    expect(server.calls(CREATE)).toBe(1);
  });

  it('streams the @whatwg-node ponyfill File that graphql-yoga hands resolvers', async () => {
    const file = new PonyfillFile([Buffer.from(bytes(2500))], 'storefront.png', { type: 'image/png' });
    expect(file instanceof Blob).toBe(false);
    const asset = await writer.upload({ filename: 'storefront.png', file: file as unknown as UploadFile });
    expect(asset).toMatchObject({ mediaType: 'IMAGE', mimeType: 'image/png', status: 'PROCESSING' });
    expect((await settled(asset.providerId)).sizeBytes).toBe(2500);
  });

  it('uploads by URL; a URL ending in /fail turns FAILED with the provider message', async () => {
    const ok = await writer.upload({ filename: 'drone.mov', url: 'https://media.example.com/clips/drone.mov' });
    expect(ok).toMatchObject({ method: 'url', status: 'PROCESSING', mimeType: 'video/quicktime' });
    const bad = await writer.upload({ filename: 'gone.mp4', url: 'https://media.example.com/fail' });
    expect(server.calls(CREATE)).toBe(2);
    expect(await settled(ok.providerId)).toMatchObject({ status: 'READY' });
    const failed = await settled(bad.providerId);
    expect(failed).toMatchObject({ status: 'FAILED', providerStatus: 'failed' });
    expect(failed.errorMessage).toContain('could not download');
  });

  it('refuses what the API would reject, before any call', async () => {
    const file = new File([bytes(10)], 'a.mp4', { type: 'video/mp4' });
    const url = 'https://media.example.com/a.mp4';
    await inputFailure(writer.upload({ filename: 'a.mp4', file, url }));
    await inputFailure(writer.upload({ filename: 'a.mp4' }));
    await inputFailure(writer.upload({ filename: 'a.mp4', url: 'ftp://media.example.com/a.mp4' }));
    await inputFailure(writer.upload({ filename: 'not a url', url: 'not a url' }));
    await inputFailure(writer.upload({ filename: `${'x'.repeat(252)}.mp4`, file }));
    await inputFailure(writer.upload({ filename: 'big.png', file: sized(32 * 1024 * 1024 + 1, 'big.png', 'image/png') }));
    await inputFailure(writer.upload({ filename: 'big.mp4', file: sized(200 * 1024 * 1024 + 1, 'big.mp4', 'video/mp4') }));
    await inputFailure(writer.upload({ filename: 'empty.mp4', file: new File([], 'empty.mp4', { type: 'video/mp4' }) }));
    await inputFailure(writer.upload({ filename: 'notes.txt', file: new File(['hi'], 'notes.txt', { type: 'text/plain' }) }));
    const nested = { tags: ['a'] } as unknown as Record<string, string>;
    await inputFailure(writer.upload({ filename: 'a.mp4', file, metadata: nested }));
    await inputFailure(writer.upload({ filename: 'a.mp4', file, metadata: { take: Number.NaN } }));
    expect(server.calls()).toBe(0);
  });

  it('does not retry a 5xx on upload (one call), and nothing is created', async () => {
    const before = store.ids().length;
    server.faults.next({ type: 'status', status: 503 }, { endpoint: CREATE });
    const error = await providerFailure(writer.upload({ filename: 'a.mp4', file: new File([bytes(100)], 'a.mp4', { type: 'video/mp4' }) }));
    expect(error.kind).toBe('UNAVAILABLE');
    expect(server.calls(CREATE)).toBe(1);
    expect(store.ids()).toHaveLength(before);
  });

  it('reports a connection dropped after the bytes were sent as UNAVAILABLE, once, with no asset left', async () => {
    const before = store.ids().length;
    server.faults.next({ type: 'drop' }, { endpoint: CREATE });
    const error = await providerFailure(writer.upload({ filename: 'a.mp4', file: new File([bytes(5000)], 'a.mp4', { type: 'video/mp4' }) }));
    expect(error.kind).toBe('UNAVAILABLE');
    expect(error.endpoint).toBe('POST /assets');
    expect(server.calls(CREATE)).toBe(1);
    expect(store.ids()).toHaveLength(before);
  });

  it('says clearly when the file itself breaks mid-stream, and the provider keeps nothing', async () => {
    const before = store.ids().length;
    const error = await writer.upload({ filename: 'a.mp4', file: ponyfill(bytes(9000), 'a.mp4', 'video/mp4', true) }).then(
      () => undefined,
      (e: unknown) => e as DomainError,
    );
    // The caller's file broke, not the provider: bad input on the file, and nothing stored.
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: ['file'] });
    expect(error!.message).toContain('could not be read to the end');
    expect(error!.message).toContain('disk read failed');
    expect(error!.message).toContain('nothing was stored');
    await sleep(20);
    expect(store.ids()).toHaveLength(before);
    expect(server.calls(CREATE)).toBe(0);
  });
});

describe('Twelve Labs upload targets (Multipart Upload API)', () => {
  beforeEach(() => {
    store.sessions.chunkSizeBytes = 100;
    store.sessions.initialUrls = 10;
  });

  it('opens a session, fetches the missing part URLs in runs of 50, and reads the reserved asset back', async () => {
    const target = await writer.createUploadTarget({ filename: 'conference.mp4', mimeType: 'video/mp4', sizeBytes: 7550 });
    expect(target).toMatchObject({ method: 'PUT', fields: [], headers: [OCTET_STREAM], chunkSizeBytes: 100 });
    expect(target.parts.map((p) => p.partNumber)).toEqual(Array.from({ length: 76 }, (_, i) => i + 1));
    expect(target.url).toBe(target.parts[0]!.url);
    expect(target.uploadId).toMatch(/^[0-9a-f]{24}$/);
    expect(target.asset).toMatchObject({ provider: 'TWELVE_LABS', status: 'PROCESSING', method: 'multipart', filename: 'conference.mp4' });
    // The part URLs expire in an hour, well before the 24-hour session.
    const ttl = target.expiresAt!.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
    // 10 URLs came with the session; 11–60 and 61–76 took one call each.
    expect(server.calls(SESSION)).toBe(1);
    expect(server.calls(MORE_URLS)).toBe(2);
    expect(server.calls(RETRIEVE)).toBe(1);
  });

  it('completes end to end: parts PUT to their URLs, ETags reported, asset READY with the full size', async () => {
    const target = await writer.createUploadTarget({ filename: 'lecture.mp4', mimeType: 'video/mp4', sizeBytes: 1250 });
    expect(server.calls(MORE_URLS)).toBe(1);
    const data = bytes(1250);
    const parts = [];
    for (const part of target.parts) {
      const chunk = data.slice((part.partNumber - 1) * 100, part.partNumber * 100);
      const res = await fetch(part.url, { method: 'PUT', body: chunk, headers: headersOf(target) });
      expect(res.status).toBe(200);
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag')!, sizeBytes: chunk.length });
    }
    expect(server.calls(PART)).toBe(13);
    const first = await client.writer.reportUploadedParts!(target.uploadId!, parts.slice(0, 5));
    expect(first).toMatchObject({ processedParts: 5, totalCompleted: 5, fileUrl: null });
    expect((await client.getAsset(target.asset!.providerId)).status).toBe('PROCESSING');
    const last = await client.writer.reportUploadedParts!(target.uploadId!, parts.slice(3));
    expect(last).toMatchObject({ assetId: target.asset!.providerId, processedParts: 8, duplicateParts: 2, totalCompleted: 13 });
    expect(last.fileUrl).toContain(target.asset!.providerId);
    expect(server.calls(REPORT)).toBe(2);
    expect(await settled(target.asset!.providerId)).toMatchObject({ status: 'READY', sizeBytes: 1250, method: 'multipart' });
  });

  it("refuses a part PUT without the octet-stream Content-Type the target names (S3's signature error)", async () => {
    const target = await writer.createUploadTarget({ filename: 'clip.mp4', mimeType: 'video/mp4', sizeBytes: 100 });
    for (const headers of [{}, { 'content-type': 'video/mp4' }] as Record<string, string>[]) {
      const res = await fetch(target.parts[0]!.url, { method: 'PUT', body: bytes(100), headers });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    }
    expect((await fetch(target.parts[0]!.url, { method: 'PUT', body: bytes(100), headers: headersOf(target) })).status).toBe(200);
  });

  it('refuses a part URL whose signature was changed, and a report whose ETag does not match', async () => {
    const target = await writer.createUploadTarget({ filename: 'clip.mp4', mimeType: 'video/mp4', sizeBytes: 150 });
    const forged = target.parts[0]!.url.replace(/signature=[0-9a-f]/, 'signature=z');
    const denied = await fetch(forged, { method: 'PUT', body: bytes(100), headers: headersOf(target) });
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain('SignatureDoesNotMatch');
    const put = await fetch(target.parts[0]!.url, { method: 'PUT', body: bytes(100), headers: headersOf(target) });
    expect(put.status).toBe(200);
    const error = await providerFailure(
      client.writer.reportUploadedParts!(target.uploadId!, [{ partNumber: 1, etag: '"0123456789abcdef0123456789abcdef"', sizeBytes: 100 }]),
    );
    expect(error).toMatchObject({ kind: 'REJECTED', status: 400 });
    expect(error.detail).toContain('parameter_invalid');
    const unknown = await providerFailure(client.writer.reportUploadedParts!(UNKNOWN_ID, [{ partNumber: 1, etag: 'abc', sizeBytes: 1 }]));
    expect(unknown).toMatchObject({ kind: 'NOT_FOUND', status: 404 });
  });

  it('takes video and audio up to 10 GB, images up to 32 MB (the current SDK), per kind', async () => {
    store.sessions.chunkSizeBytes = 1024 ** 3;
    const video = await writer.createUploadTarget({ filename: 'master.mov', mimeType: 'video/quicktime', sizeBytes: 6 * 1024 ** 3 });
    expect(video.parts).toHaveLength(6);
    const audio = await writer.createUploadTarget({ filename: 'stems.wav', mimeType: 'audio/wav', sizeBytes: 10 * 1024 ** 3 });
    expect(audio.parts).toHaveLength(10);
    expect(server.calls(SESSION)).toBe(2);
    server.resetCounters();
    for (const [mimeType, filename, sizeBytes] of [
      ['video/mp4', 'a.mp4', 10 * 1024 ** 3 + 1],
      ['audio/mpeg', 'a.mp3', 10 * 1024 ** 3 + 1],
      ['image/png', 'a.png', 32 * 1024 ** 2 + 1],
    ] as const) {
      const error = await inputFailure(writer.createUploadTarget({ filename, mimeType, sizeBytes }));
      expect((error as InvalidInputError).field).toEqual(['sizeBytes']);
      expect(error.message).toMatch(mimeType.startsWith('image') ? /32 MB/ : /10 GB/);
    }
    expect(server.calls()).toBe(0);
  });

  it('refuses bad input before any call', async () => {
    const ok = { filename: 'a.mp4', mimeType: 'video/mp4', sizeBytes: 300 * 1024 * 1024 };
    await inputFailure(writer.createUploadTarget({ ...ok, sizeBytes: 0 }));
    await inputFailure(writer.createUploadTarget({ ...ok, sizeBytes: 10 * 1024 ** 3 + 1 }));
    await inputFailure(writer.createUploadTarget({ ...ok, sizeBytes: 1.5 }));
    await inputFailure(writer.createUploadTarget({ ...ok, mimeType: 'application/pdf', filename: 'a.pdf' }));
    await inputFailure(writer.createUploadTarget({ ...ok, filename: '' }));
    await inputFailure(client.writer.reportUploadedParts!('abc', []));
    expect(server.calls()).toBe(0);
  });

  it('retries the URL signing, and names the session it opened when that still fails', async () => {
    server.faults.always({ type: 'status', status: 500, message: 'presign backend down' }, MORE_URLS);
    const error = await providerFailure(writer.createUploadTarget({ filename: 'talk.mp4', mimeType: 'video/mp4', sizeBytes: 2000 }));
    expect(error.kind).toBe('UNAVAILABLE');
    expect(error.endpoint).toBe('POST /assets/multipart-uploads/{upload_id}/presigned-urls');
    expect(error.detail).toMatch(/upload session [0-9a-f]{24} \(asset [0-9a-f]{24}\) was created and expires unused/);
    expect(error.detail).toContain('presign backend down');
    expect(server.calls(SESSION)).toBe(1);
    expect(server.calls(MORE_URLS)).toBe(3);
    expect(server.calls(RETRIEVE)).toBe(0);
  });

  it('gets the part URLs after one 5xx on presigned-urls (a safe call, retried)', async () => {
    server.faults.next({ type: 'status', status: 503 }, { endpoint: MORE_URLS });
    const target = await writer.createUploadTarget({ filename: 'talk.mp4', mimeType: 'video/mp4', sizeBytes: 2000 });
    expect(target.parts).toHaveLength(20);
    expect(server.calls(SESSION)).toBe(1);
    expect(server.calls(MORE_URLS)).toBe(2);
  });

  it('does not retry a 5xx when opening the session', async () => {
    server.faults.next({ type: 'status', status: 502 }, { endpoint: SESSION });
    const error = await providerFailure(writer.createUploadTarget({ filename: 'a.mp4', mimeType: 'video/mp4', sizeBytes: 500 }));
    expect(error.kind).toBe('UNAVAILABLE');
    expect(server.calls(SESSION)).toBe(1);
  });
});

describe('Twelve Labs deletes (DELETE /assets/{id})', () => {
  it('deletes one call per id; unknown ids are NOT_FOUND, indexed ones REJECTED (409) without force', async () => {
    const referenced = store.idsReferencedByIndex()[0]!;
    const free = store
      .idsWithInitialStatus('ready')
      .filter((id) => store.referencesOf(id) === 0)
      .slice(0, 3);
    const total = (await client.assets.listAssets({ offset: 0, limit: 1 }, {})).totalCount!;
    server.resetCounters();
    const result = await writer.deleteAssets([...free, UNKNOWN_ID, referenced, free[0]!], { force: false });
    expect(result.deleted.sort()).toEqual([...free].sort());
    expect(result.failed.map((f) => f.id).sort()).toEqual([UNKNOWN_ID, referenced].sort());
    const byId = new Map(result.failed.map((f) => [f.id, f.error as ProviderError]));
    expect(byId.get(UNKNOWN_ID)).toMatchObject({ kind: 'NOT_FOUND', status: 400 });
    expect(byId.get(referenced)).toMatchObject({ kind: 'REJECTED', status: 409 });
    expect(byId.get(referenced)!.detail).toContain('force=true');
    expect(server.calls(DELETE)).toBe(5);
    expect((await providerFailure(client.getAsset(free[0]!))).kind).toBe('NOT_FOUND');
    expect(await client.assets.getAssets(free)).toEqual([]);
    expect((await client.assets.listAssets({ offset: 0, limit: 1 }, {})).totalCount).toBe(total - 3);
  });

  it('deletes an indexed asset with force=true', async () => {
    const referenced = store.idsReferencedByIndex()[1]!;
    const result = await writer.deleteAssets([referenced], { force: true });
    expect(result).toEqual({ deleted: [referenced], failed: [] });
    expect(store.get(referenced)).toBeUndefined();
    expect(server.calls(DELETE)).toBe(1);
  });

  it('keeps at most `concurrency` deletes in flight', async () => {
    const ids = store
      .idsWithInitialStatus('ready', 'image')
      .filter((id) => store.referencesOf(id) === 0)
      .slice(0, 20);
    server.latencyMs = 30;
    server.resetCounters();
    const result = await writer.deleteAssets(ids, { force: false });
    expect(result.deleted).toHaveLength(20);
    expect(server.maxInFlight).toBeGreaterThan(1);
    expect(server.maxInFlight).toBeLessThanOrEqual(8);
  });

  it('reports a 5xx as that id’s failure without retrying, and an empty id without calling', async () => {
    const id = store.idsWithInitialStatus('ready', 'audio').filter((i) => store.referencesOf(i) === 0)[0]!;
    server.faults.next({ type: 'status', status: 500 }, { endpoint: DELETE });
    const result = await writer.deleteAssets([id, ''], { force: false });
    expect(result.deleted).toEqual([]);
    expect((result.failed.find((f) => f.id === id)!.error as ProviderError).kind).toBe('UNAVAILABLE');
    expect(result.failed.find((f) => f.id === '')?.error).toBeInstanceOf(DomainError);
    expect(server.calls(DELETE)).toBe(1);
    expect(store.get(id)).toBeDefined();
  });
});

describe('Twelve Labs metadata updates (user-metadata)', () => {
  it('replaces user_metadata with PUT and returns the asset read back', async () => {
    const id = store.ids().find((i) => store.get(i)?.user_metadata !== undefined)!;
    const asset = await client.updater.updateAsset(id, { metadata: { campaign: 'holiday-2025', take: 7 } });
    expect(asset.userMetadata).toEqual({ campaign: 'holiday-2025', take: 7 });
    expect(server.calls(PUT_METADATA)).toBe(1);
    expect(server.calls(RETRIEVE)).toBe(1);
  });

  it('clears user_metadata with DELETE when given {}', async () => {
    const id = store.ids().find((i) => store.get(i)?.user_metadata !== undefined)!;
    const asset = await client.updater.updateAsset(id, { metadata: {} });
    expect(asset.userMetadata).toBeNull();
    expect(server.calls(DELETE_METADATA)).toBe(1);
    expect(server.calls(PUT_METADATA)).toBe(0);
  });

  it('answers NOT_FOUND for an unknown asset (404), once', async () => {
    const error = await providerFailure(client.updater.updateAsset(UNKNOWN_ID, { metadata: { a: 'b' } }));
    expect(error).toMatchObject({ kind: 'NOT_FOUND', status: 404 });
    expect(server.calls(PUT_METADATA)).toBe(1);
  });

  it('does not retry a 5xx on PUT', async () => {
    server.faults.next({ type: 'status', status: 503 }, { endpoint: PUT_METADATA });
    const error = await providerFailure(client.updater.updateAsset(store.ids()[40]!, { metadata: { a: 'b' } }));
    expect(error.kind).toBe('UNAVAILABLE');
    expect(server.calls(PUT_METADATA)).toBe(1);
  });

  it('refuses fields Twelve Labs lacks and values it cannot store, before any call', async () => {
    const id = store.ids()[41]!;
    const unsupported = await failure(client.updater.updateAsset(id, { name: 'renamed' }));
    expect((unsupported as DomainError).code).toBe('UNSUPPORTED_BY_PROVIDER');
    await inputFailure(client.updater.updateAsset(id, { metadata: { nested: { a: 1 } } }));
    await inputFailure(client.updater.updateAsset('', { metadata: { a: 1 } }));
    expect(server.calls()).toBe(0);
  });
});
