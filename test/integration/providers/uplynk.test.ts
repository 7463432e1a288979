import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { DomainError, ProviderError } from '../../../src/errors/domain.js';
import type { CallEvent } from '../../../src/providers/http/index.js';
import { createUplynkClient } from '../../../src/providers/uplynk/client.js';
import { signMessage } from '../../../src/providers/uplynk/sign.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { SandboxServer } from '../../../sandbox/server.js';
import { createUplynkSandbox } from '../../../sandbox/uplynk/index.js';
import { clientOptions, rejection, useSandboxServer } from '../../helpers/sandbox-server.js';

const GET = 'POST /api2/asset/get';
const LIST = 'POST /api2/asset/list';
const sandbox = createUplynkSandbox();
const { server, track } = useSandboxServer(sandbox);
const all = sandbox.store.all();
const ids = all.map((a) => a.id);
const listable = all.filter((a) => a.deleted === undefined);

function client(overrides: Partial<{ ownerId: string; apiKey: string; baseUrl: string }> = {}, onCall?: (e: CallEvent) => void) {
  const { ownerId, apiKey } = SANDBOX_CREDENTIALS.UPLYNK;
  return track(createUplynkClient({ ownerId, apiKey, baseUrl: server.url, ...overrides }, clientOptions(onCall)));
}

describe('Uplynk client against the sandbox: reads', () => {
  it('gets one asset with one signed POST', async () => {
    const wanted = all[0]!;
    const assets = await client().assets.getAssets([wanted.id]);
    expect(assets).toHaveLength(1);
    expect(assets[0]).toMatchObject({
      provider: 'UPLYNK',
      providerId: wanted.id,
      name: wanted.desc,
      externalId: wanted.external_id,
      mediaType: 'VIDEO',
      status: 'READY',
      createdAt: new Date(wanted.created),
      updatedAt: new Date(wanted.lastmod),
      durationSeconds: wanted.duration,
    });
    expect(server.calls(GET)).toBe(1);
  });

  it('multi-gets in one call per 1000 distinct ids; duplicates once, unknown ids absent', async () => {
    const unknown = 'f'.repeat(32);
    const some = await client().assets.getAssets([...ids.slice(0, 250), ids[0]!, unknown]);
    expect(some.map((a) => a.providerId).sort()).toEqual(ids.slice(0, 250).sort());
    expect(server.calls(GET)).toBe(1);
    const many = await client().assets.getAssets(ids.slice(0, 1500));
    expect(many).toHaveLength(1500);
    expect(server.calls(GET)).toBe(3);
  });

  it('gets by external id', async () => {
    const assets = await client().externalIds.getAssetsByExternalId(['ext-000003', 'ext-000006', 'ext-nope']);
    expect(assets.map((a) => [a.externalId, a.providerId])).toEqual([
      ['ext-000003', all[3]!.id],
      ['ext-000006', all[6]!.id],
    ]);
    expect(server.calls(GET)).toBe(1);
  });

  it('maps processing and deleted assets conservatively', async () => {
    const slicing = all.find((a) => a.state !== 'ready')!;
    const deleted = all.find((a) => a.deleted !== undefined)!;
    const assets = await client().assets.getAssets([slicing.id, deleted.id]);
    const byId = new Map(assets.map((a) => [a.providerId, a]));
    expect(byId.get(slicing.id)).toMatchObject({ status: 'PROCESSING', providerStatus: 'slicing' });
    expect(byId.get(deleted.id)).toMatchObject({ status: 'DELETED', deletedAt: new Date(deleted.deleted!) });
  });

  it('lists newest first with honest hasNextPage, and pages do not overlap', async () => {
    const c = client();
    const first = await c.assets.listAssets({ offset: 0, limit: 10 }, {});
    const second = await c.assets.listAssets({ offset: 10, limit: 10 }, { mediaType: 'VIDEO' });
    expect(first).toMatchObject({ hasNextPage: true, totalCount: null });
    const newest = [...listable].sort((a, b) => b.created - a.created);
    expect([...first.items, ...second.items].map((a) => a.providerId)).toEqual(newest.slice(0, 20).map((a) => a.id));
    const last = await c.assets.listAssets({ offset: listable.length - 5, limit: 10 }, {});
    expect(last).toMatchObject({ hasNextPage: false });
    expect(last.items).toHaveLength(5);
    const exact = await c.assets.listAssets({ offset: listable.length - 10, limit: 10 }, {});
    expect(exact.hasNextPage).toBe(false);
    expect(server.calls(LIST)).toBe(4);
  });

  it('splits a window over 100 into pages of 100 and searches natively', async () => {
    const c = client();
    const big = await c.assets.listAssets({ offset: 0, limit: 150 }, {});
    expect(big.items).toHaveLength(150);
    expect(new Set(big.items.map((a) => a.providerId)).size).toBe(150);
    expect(server.calls(LIST)).toBe(2);
    const found = await c.assets.listAssets({ offset: 0, limit: 5 }, { search: 'ext-000003' });
    expect(found.items.map((a) => a.providerId)).toEqual([all[3]!.id]);
    expect(found.hasNextPage).toBe(false);
  });

  it("lists only your own library by default, though the sandbox shares another account's", async () => {
    const shared = new Set(sandbox.store.sharedAssets().map((a) => a.id));
    expect(shared.size).toBeGreaterThan(100);
    const page = await client().assets.listAssets({ offset: 0, limit: 100 }, {});
    expect(page.items.filter((a) => shared.has(a.providerId))).toEqual([]);
  });

  it('merges the shared libraries in, newest first, with pages that neither overlap nor skip', async () => {
    const c = client();
    const merged = [...listable, ...sandbox.store.sharedAssets()].sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
    const pages = [];
    for (let offset = 0; offset < 300; offset += 75) {
      pages.push(await c.assets.listAssets({ offset, limit: 75 }, { includeShared: true }));
    }
    expect(pages.flatMap((p) => p.items.map((a) => a.providerId))).toEqual(merged.slice(0, 300).map((a) => a.id));
    expect(pages.every((p) => p.hasNextPage)).toBe(true);
    const shared = new Set(sandbox.store.sharedAssets().map((a) => a.id));
    expect(pages.flatMap((p) => p.items).filter((a) => shared.has(a.providerId)).length).toBeGreaterThan(0);
    // Each page reads both lists from the start: 1, 2, 3 and 3 calls of at most 100.
    expect(server.calls(LIST)).toBe(9);
  });

  it('reads a listed shared asset back by id', async () => {
    const sharedAsset = sandbox.store.sharedAssets()[0]!;
    const [asset] = await client().assets.getAssets([sharedAsset.id]);
    expect(asset).toMatchObject({ providerId: sharedAsset.id, name: sharedAsset.desc });
  });

  it('refuses a shared-library page deeper than 1,000 before any call', async () => {
    const error = await rejection(client().assets.listAssets({ offset: 990, limit: 20 }, { includeShared: true }));
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect(server.calls()).toBe(0);
  });

  it('answers other media types with an empty page without a call', async () => {
    const page = await client().assets.listAssets({ offset: 0, limit: 10 }, { mediaType: 'IMAGE' });
    expect(page).toEqual({ items: [], hasNextPage: false, totalCount: null });
    expect(server.calls()).toBe(0);
  });
});

describe('Uplynk client against the sandbox: frames and changes', () => {
  const ready = all.find((a) => a.state === 'ready' && a.deleted === undefined && a.duration > 5)!;

  it('gets a frame as a PNG, by ms or timecode', async () => {
    const c = client();
    const frame = await c.frames.getFrame(ready.id, 1500);
    expect(frame).toMatchObject({ provider: 'UPLYNK', assetId: ready.id, atMs: 1500, mimeType: 'image/png' });
    const same = await c.frames.getFrame(ready.id, '00:00:01.500');
    expect(same.base64).toBe(frame.base64);
    expect(server.calls('POST /api2/asset/getframe')).toBe(2);
  });

  it('gets thumbnails for at most one second, checking the range before any call', async () => {
    const c = client();
    const thumbs = await c.frames.getThumbnails(ready.id, 1000, undefined);
    expect(thumbs).toHaveLength(25);
    expect(thumbs.every((t) => t.mimeType === 'image/png')).toBe(true);
    // One image per frame at the sandbox's 25 fps: each at its frame's time.
    expect(thumbs.map((t) => t.atMs)).toEqual(Array.from({ length: 25 }, (_, i) => 1000 + i * 40));
    for (const [start, stop] of [
      [0, 1001],
      [500, 400],
    ] as const) {
      const error = await rejection(c.frames.getThumbnails(ready.id, start, stop));
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    }
    expect(await rejection(c.frames.getFrame(ready.id, '1:2'))).toBeInstanceOf(DomainError);
    expect(server.calls('POST /api2/asset/getthumbs')).toBe(1);
    expect(server.calls('POST /api2/asset/getframe')).toBe(0);
  });

  it('is NOT_FOUND for a frame of an unknown asset', async () => {
    const error = await rejection(client().frames.getFrame('f'.repeat(32), 0));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('NOT_FOUND');
  });

  it('reads the change feed; next = end re-reports the boundary change', async () => {
    const c = client();
    const log = sandbox.store.changeLog();
    const first = await c.changes.changesSince(new Date(0));
    expect(first.changes.length).toBeGreaterThan(10);
    const boundary = first.changes[first.changes.length - 1]!;
    expect(first.next).toEqual(boundary.at);
    expect(first.changes[0]).toMatchObject({ provider: 'UPLYNK', providerId: log[0]![2], at: new Date(log[0]![0]) });
    expect(first.changes[0]!.asset?.providerId).toBe(log[0]![2]);
    const second = await c.changes.changesSince(first.next);
    expect(second.changes[0]).toMatchObject({ providerId: boundary.providerId, at: boundary.at });
    const deletion = log.find(([, action]) => action === 'delete')!;
    const around = await c.changes.changesSince(new Date(deletion[0]));
    expect(around.changes[0]).toMatchObject({ action: 'DELETED', asset: { status: 'DELETED' } });
  });
});

describe('Uplynk client against the sandbox: failures', () => {
  it('is UNAUTHORIZED with a wrong key or owner (HTTP 200, error envelope), without retry', async () => {
    for (const overrides of [{ apiKey: 'wrong-key' }, { ownerId: '0'.repeat(32) }]) {
      const error = await rejection(client(overrides).assets.getAssets([ids[0]!]));
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).kind).toBe('UNAUTHORIZED');
    }
    expect(server.calls(GET)).toBe(2);
  });

  it('is REJECTED for an error envelope, without retry', async () => {
    server.faults.next({ type: 'status', status: 200, message: 'Something went wrong' }, { endpoint: GET });
    const error = await rejection(client().assets.getAssets([ids[0]!]));
    expect(error).toMatchObject({ kind: 'REJECTED', detail: 'Something went wrong' });
    expect(server.calls(GET)).toBe(1);
  });

  it('retries a 5xx once and succeeds', async () => {
    server.faults.next({ type: 'status', status: 503 }, { endpoint: GET });
    expect(await client().assets.getAssets([ids[0]!])).toHaveLength(1);
    expect(server.calls(GET)).toBe(2);
  });

  it('honours Retry-After on a 429', async () => {
    const seen: number[] = [];
    server.faults.rateLimit(1, { endpoint: LIST });
    const page = await client({}, () => seen.push(performance.now())).assets.listAssets({ offset: 0, limit: 3 }, {});
    expect(page.items).toHaveLength(3);
    expect(server.calls(LIST)).toBe(2);
    expect(seen).toHaveLength(2);
    expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(1000);
  });

  it('is BAD_RESPONSE for malformed JSON', async () => {
    server.faults.next({ type: 'malformed' }, { endpoint: GET });
    expect(await rejection(client().assets.getAssets([ids[0]!]))).toMatchObject({ kind: 'BAD_RESPONSE' });
    expect(server.calls(GET)).toBe(1);
  });

  it('is UNAVAILABLE when the provider is down or unreachable', async () => {
    server.faults.always({ type: 'status', status: 503, message: 'down' }, GET);
    expect(await rejection(client().assets.getAssets([ids[0]!]))).toMatchObject({ kind: 'UNAVAILABLE' });
    expect(server.calls(GET)).toBe(3);
    const closed = new SandboxServer(createUplynkSandbox());
    const url = await closed.start(0);
    await closed.stop();
    expect(await rejection(client({ baseUrl: url }).assets.getAssets([ids[0]!]))).toMatchObject({ kind: 'UNAVAILABLE' });
  });
});

describe('Uplynk sandbox: the wire', () => {
  const { ownerId, apiKey } = SANDBOX_CREDENTIALS.UPLYNK;

  it('accepts GET with msg and sig in the query, rejects other methods', async () => {
    const { msg, sig } = signMessage({ id: ids[0] }, { ownerId, apiKey });
    const query = new URLSearchParams({ msg, sig }).toString();
    const res = await request(`${server.url}/api2/asset/get?${query}`);
    expect(await res.body.json()).toMatchObject({ error: 0, asset: { id: ids[0] } });
    const put = await request(`${server.url}/api2/asset/get?${query}`, { method: 'PUT' });
    expect(put.statusCode).toBe(405);
    expect(await put.body.json()).toMatchObject({ error: 1 });
  });

  it('rejects a message signed more than 300 s ago with HTTP 200 and the error envelope', async () => {
    const { msg, sig } = signMessage({ id: ids[0] }, { ownerId, apiKey, nowSeconds: Date.now() / 1000 - 400 });
    const res = await request(`${server.url}/api2/asset/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ msg, sig }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toEqual({ error: 1, msg: expect.stringMatching(/timestamp/) });
  });
});
