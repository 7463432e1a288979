import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { DomainError, ProviderError } from '../../../src/errors/domain.js';
import type { Change } from '../../../src/providers/types.js';
import { createUplynkClient, type UplynkClient } from '../../../src/providers/uplynk/client.js';
import { signMessage } from '../../../src/providers/uplynk/sign.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { renderPng } from '../../../sandbox/png.js';
import { SandboxServer } from '../../../sandbox/server.js';
import { createUplynkSandbox, type UplynkSandbox } from '../../../sandbox/uplynk/index.js';
import { clientOptions, rejection, useSandboxServer } from '../../helpers/sandbox-server.js';

const UPDATE = 'POST /api2/asset/update';
const DELETE = 'POST /api2/asset/delete';
const { ownerId, apiKey } = SANDBOX_CREDENTIALS.UPLYNK;
const sandbox = createUplynkSandbox();
const { server, track } = useSandboxServer(sandbox);
const all = sandbox.store.all();
const live = all.filter((a) => a.deleted === undefined && a.state === 'ready');
const PNG = renderPng(32, 18, 7).toString('base64');

function client(overrides: Partial<{ apiKey: string; baseUrl: string }> = {}): UplynkClient {
  return track(createUplynkClient({ ownerId, apiKey, baseUrl: server.url, ...overrides }, clientOptions()));
}

/** A sandbox of its own, for tests that delete most of the library. */
async function fresh(): Promise<{ sandbox: UplynkSandbox; server: SandboxServer; client: UplynkClient }> {
  const own = createUplynkSandbox();
  const ownServer = new SandboxServer(own);
  await ownServer.start(0);
  track({ close: () => ownServer.stop() });
  return { sandbox: own, server: ownServer, client: client({ baseUrl: ownServer.url }) };
}

/** A signed POST straight to the sandbox, for what the client refuses to send. */
async function raw(action: string, params: Record<string, unknown>): Promise<unknown> {
  const { msg, sig } = signMessage(params, { ownerId, apiKey });
  const res = await request(`${server.url}/api2/asset/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ msg, sig }).toString(),
  });
  expect(res.statusCode).toBe(200);
  return res.body.json();
}

describe('Uplynk updates', () => {
  it('changes every field in one signed call and answers the mapped asset', async () => {
    const target = live.find((a) => Object.keys(a.meta).length > 0 && a.require_drm === 0)!;
    const before = { meta: { ...target.meta }, players: target.test_players.length, lastmod: target.lastmod };
    const expireAt = new Date(Date.UTC(2027, 5, 1));
    const c = client();
    const asset = await c.updater.updateAsset(target.id, {
      name: 'Harbour Lights — Director’s Cut',
      externalId: 'ext-write-0001',
      metadata: { genre: 'Documentary', season: 3 },
      autoExpireAt: expireAt,
      requireDrm: true,
      requireStudioDrm: false,
      newTestPlayer: true,
      newEmbedPlayer: true,
    });
    expect(asset).toMatchObject({
      provider: 'UPLYNK',
      providerId: target.id,
      name: 'Harbour Lights — Director’s Cut',
      externalId: 'ext-write-0001',
      meta: { ...before.meta, genre: 'Documentary', season: 3 },
      autoExpireAt: expireAt,
      requireDrm: true,
      requireStudioDrm: false,
      status: 'READY',
    });
    expect(asset.testPlayers).toHaveLength(before.players + 1);
    expect(asset.testPlayerUrl).toBe(asset.testPlayers[before.players]!.url);
    expect(asset.embedPlayerUrl).toMatch(/^https:\/\/content\.uplynk\.com\/player5\/[0-9A-Za-z]{24}\.html$/);
    expect(asset.updatedAt!.getTime()).toBeGreaterThan(before.lastmod);
    expect(server.calls(UPDATE)).toBe(1);
    // The new external id and name are what reads see now.
    const [byExternal] = await c.externalIds.getAssetsByExternalId(['ext-write-0001']);
    expect(byExternal?.providerId).toBe(target.id);
    const found = await c.assets.listAssets({ offset: 0, limit: 5 }, { search: 'Director’s' });
    expect(found.items.map((a) => a.providerId)).toEqual([target.id]);
  });

  it('clears meta with {}, sets and resets the poster, and null autoExpireAt means never', async () => {
    const target = live.filter((a) => Object.keys(a.meta).length > 0 && a.autoexpire > 0)[0]!;
    const c = client();
    const cleared = await c.updater.updateAsset(target.id, { metadata: {}, autoExpireAt: null });
    expect(cleared).toMatchObject({ meta: {}, autoExpireAt: null });
    const withPoster = await c.updater.updateAsset(target.id, { posterImage: PNG });
    expect(withPoster.posterUrl).toMatch(/^https:\/\/storage\.uplynk\.com\/slices\/.+\/[0-9a-f]{32}\.jpg$/);
    const reset = await c.updater.updateAsset(target.id, { posterImage: '' });
    expect(reset.posterUrl).toBeNull();
    expect(server.calls(UPDATE)).toBe(3);
  });

  it('is NOT_FOUND for an unknown or deleted asset, after one call each', async () => {
    const deleted = all.find((a) => a.deleted !== undefined)!;
    for (const id of ['f'.repeat(32), deleted.id]) {
      const error = await rejection(client().updater.updateAsset(id, { name: 'x' }));
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ kind: 'NOT_FOUND', endpoint: UPDATE });
    }
    expect(server.calls(UPDATE)).toBe(2);
  });

  it('refuses what Uplynk would refuse before any call', async () => {
    const id = live[0]!.id;
    const tooBig = Buffer.alloc(3 * 1024 * 1024).toString('base64');
    const bad = [
      { posterImage: tooBig },
      { posterImage: 'not base64!' },
      { posterImage: 'iVBORw0' },
      { posterImage: `data:image/png;base64,${PNG}` },
      { name: '  ' },
      { externalId: '' },
      { metadata: { nested: { a: 1 } } },
      { autoExpireAt: new Date(Number.NaN) },
      {},
    ];
    for (const update of bad) {
      const error = await rejection(client().updater.updateAsset(id, update));
      expect(error, JSON.stringify(update).slice(0, 80)).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    }
    expect(server.calls()).toBe(0);
  });

  it('is REJECTED when the sandbox refuses the poster (not an image), after one call', async () => {
    const error = await rejection(client().updater.updateAsset(live[1]!.id, { posterImage: Buffer.from('plain text, no image').toString('base64') }));
    expect(error).toMatchObject({ kind: 'REJECTED', detail: 'poster_img is not a supported image' });
    expect(server.calls(UPDATE)).toBe(1);
  });

  it('is never retried: a 5xx or a dropped connection is one call, and nothing changed', async () => {
    const target = live[2]!;
    const name = target.desc;
    for (const fault of [{ type: 'status', status: 503 }, { type: 'drop' }] as const) {
      server.faults.next(fault, { endpoint: UPDATE });
      const error = await rejection(client().updater.updateAsset(target.id, { name: 'Not applied', newTestPlayer: true }));
      expect(error).toMatchObject({ kind: 'UNAVAILABLE' });
    }
    expect(server.calls(UPDATE)).toBe(2);
    expect(sandbox.store.get(target.id)!.desc).toBe(name);
  });

  it('is UNAUTHORIZED with a wrong key', async () => {
    const error = await rejection(client({ apiKey: 'wrong' }).updater.updateAsset(live[3]!.id, { name: 'x' }));
    expect(error).toMatchObject({ kind: 'UNAUTHORIZED' });
    expect(server.calls(UPDATE)).toBe(1);
  });
});

describe('Uplynk deletes', () => {
  it('deletes in one call; unknown, already deleted and empty ids fail alone; duplicates count once', async () => {
    const [a, b] = [live[10]!, live[11]!];
    const gone = all.find((x) => x.deleted !== undefined)!;
    const unknown = 'e'.repeat(32);
    const c = client();
    const result = await c.writer.deleteAssets([a.id, b.id, a.id, unknown, gone.id, ''], { force: false });
    expect(result.deleted).toEqual([a.id, b.id]);
    const failed = new Map(result.failed.map((f) => [f.id, f.error]));
    expect([...failed.keys()].sort()).toEqual(['', gone.id, unknown].sort());
    expect(failed.get(unknown)).toMatchObject({ kind: 'NOT_FOUND', endpoint: DELETE });
    expect(failed.get(gone.id)).toMatchObject({ kind: 'NOT_FOUND' });
    expect((failed.get('') as DomainError).code).toBe('BAD_USER_INPUT');
    expect(server.calls(DELETE)).toBe(1);
    // Gone from the listing; still readable by id, as DELETED, like the seeded deletions.
    expect((await c.assets.listAssets({ offset: 0, limit: 5 }, { search: a.id })).items).toEqual([]);
    const [read] = await c.assets.getAssets([a.id]);
    expect(read).toMatchObject({ status: 'DELETED', deletedAt: new Date(sandbox.store.get(a.id)!.deleted!) });
  });

  it('makes no call for an empty list; `force` changes nothing', async () => {
    expect(await client().writer.deleteAssets([], { force: true })).toEqual({ deleted: [], failed: [] });
    const result = await client().writer.deleteAssets([live[12]!.id], { force: true });
    expect(result).toEqual({ deleted: [live[12]!.id], failed: [] });
    expect(server.calls(DELETE)).toBe(1);
  });

  it('fails every id of a call that failed as a whole, without retry', async () => {
    server.faults.next({ type: 'status', status: 503, message: 'maintenance' }, { endpoint: DELETE });
    const ids = [live[13]!.id, live[14]!.id];
    const result = await client().writer.deleteAssets(ids, { force: false });
    expect(result.deleted).toEqual([]);
    expect(result.failed.map((f) => f.id)).toEqual(ids);
    expect(result.failed[0]!.error).toMatchObject({ kind: 'UNAVAILABLE', detail: 'maintenance' });
    expect(result.failed[1]!.error).toBe(result.failed[0]!.error);
    expect(server.calls(DELETE)).toBe(1);
    expect(sandbox.store.get(ids[0]!)!.deleted).toBeUndefined();
    const denied = await client({ apiKey: 'wrong' }).writer.deleteAssets(ids, { force: false });
    expect(denied.failed.map((f) => (f.error as ProviderError).kind)).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED']);
  });

  it('deletes 2,500 ids in 3 calls; the change feed then shows the update and every delete', async () => {
    const own = await fresh();
    const library = own.sandbox.store.all();
    const ids = library.slice(0, 2500).map((a) => a.id);
    const alreadyGone = new Set(
      library
        .slice(0, 2500)
        .filter((a) => a.deleted !== undefined)
        .map((a) => a.id),
    );
    const touched = library.find((a, i) => i < 2500 && a.deleted === undefined)!;
    const since = new Date();
    await own.client.updater.updateAsset(touched.id, { newTestPlayer: true });
    const result = await own.client.writer.deleteAssets(ids, { force: false });
    expect(own.server.calls(DELETE)).toBe(3);
    expect(result.deleted).toHaveLength(2500 - alreadyGone.size);
    expect(new Set(result.failed.map((f) => f.id))).toEqual(alreadyGone);
    const page = await own.client.assets.listAssets({ offset: 0, limit: 100 }, {});
    expect(page.items.every((a) => !ids.includes(a.providerId))).toBe(true);

    const changes = await readFeed(own.client, since);
    expect(changes[0]).toMatchObject({ action: 'UPDATED', providerId: touched.id });
    const deletes = changes.filter((ch) => ch.action === 'DELETED');
    expect(deletes.map((ch) => ch.providerId).sort()).toEqual([...result.deleted].sort());
    expect(deletes.every((ch) => ch.asset?.status === 'DELETED' && ch.at >= changes[0]!.at)).toBe(true);
    expect(changes).toHaveLength(1 + result.deleted.length);
  });
});

/** Every change from `since` on, paging by `next` and dropping the re-reported boundary change. */
async function readFeed(c: UplynkClient, since: Date): Promise<Change[]> {
  const seen = new Set<string>();
  const out: Change[] = [];
  let from = since;
  for (let guard = 0; guard < 100; guard++) {
    const page = await c.changes.changesSince(from);
    for (const change of page.changes) {
      const key = `${change.providerId}|${change.action}|${change.at.getTime()}`;
      if (!seen.has(key)) out.push(change);
      seen.add(key);
    }
    if (page.changes.length < 100) return out;
    from = page.next;
  }
  throw new Error('the change feed did not end');
}

describe('Uplynk sandbox: the write wire', () => {
  it('refuses more than 1000 ids in one delete with the error envelope', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => i.toString(16).padStart(32, '0'));
    expect(await raw('delete', { ids })).toEqual({ error: 1, msg: expect.stringMatching(/1000/) });
    expect(await raw('delete', {})).toEqual({ error: 1, msg: expect.stringMatching(/ids/) });
  });

  it('refuses a poster of 3 MB or more, and answers an update by external id alone', async () => {
    const poster = Buffer.alloc(3 * 1024 * 1024, 0x89).toString('base64');
    expect(await raw('update', { id: live[20]!.id, poster_img: poster })).toEqual({
      error: 1,
      msg: 'poster_img must be smaller than 3MB before encoding',
    });
    const named = live.find((a) => a.external_id !== null)!;
    const reply = (await raw('update', { external_id: named.external_id, desc: 'Renamed by external id' })) as {
      asset: { id: string; desc: string };
    };
    expect(reply.asset).toMatchObject({ id: named.id, desc: 'Renamed by external id' });
    expect(server.calls(UPDATE)).toBe(2);
  });

  it('takes meta only as the JSON string every known client sends; a bare dict gets the error envelope', async () => {
    const id = live[22]!.id;
    expect(await raw('update', { id, meta: { key1: 'value1' } })).toEqual({ error: 1, msg: 'meta must be a JSON-encoded dictionary' });
    expect(await raw('update', { id, meta: '{"key1":"value1"}' })).toMatchObject({ error: 0, asset: { meta: { key1: 'value1' } } });
  });

  it('accepts the GET form too, counted under its own label', async () => {
    const { msg, sig } = signMessage({ id: live[21]!.id, meta: '{"key1":"value1"}' }, { ownerId, apiKey });
    const res = await request(`${server.url}/api2/asset/update?${new URLSearchParams({ msg, sig })}`);
    expect(await res.body.json()).toMatchObject({ error: 0, asset: { meta: { key1: 'value1' } } });
    expect(server.calls('GET /api2/asset/update')).toBe(1);
  });
});
