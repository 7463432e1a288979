import { describe, expect, it } from 'vitest';
import { signMessage } from '../../../src/providers/uplynk/sign.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import type { SandboxRequest } from '../../../sandbox/server.js';
import { authenticate } from '../../../sandbox/uplynk/auth.js';
import { FrameRenderer } from '../../../sandbox/uplynk/frames.js';
import { createHandlers, parseOrder } from '../../../sandbox/uplynk/handlers.js';
import { createUplynkSandbox } from '../../../sandbox/uplynk/index.js';
import { ASSET_COUNT, createUplynkSeed } from '../../../sandbox/uplynk/seed.js';
import { CHANGES_PER_REPLY } from '../../../sandbox/uplynk/store.js';
import { rejectionOf } from './rejection.js';

const { store } = createUplynkSandbox();
const handlers = createHandlers(store, new FrameRenderer());
const all = store.all();
const live = all.filter((a) => a.deleted === undefined);

describe('seed', () => {
  it('is deterministic and shaped like an Uplynk library', () => {
    expect(createUplynkSeed()).toEqual(createUplynkSeed());
    expect(all).toHaveLength(ASSET_COUNT);
    expect(new Set(all.map((a) => a.id)).size).toBe(ASSET_COUNT);
    expect(all.every((a) => /^[0-9a-f]{32}$/.test(a.id) && a.lastmod >= a.created)).toBe(true);
    const withExternal = all.filter((a) => a.external_id !== null).length;
    expect(withExternal).toBeGreaterThan(ASSET_COUNT / 4);
    expect(all.filter((a) => a.state !== 'ready').length).toBeGreaterThanOrEqual(5);
    expect(all.filter((a) => a.deleted !== undefined).length).toBeGreaterThanOrEqual(5);
    expect(store.changeLog().length).toBeGreaterThan(300);
  });
});

describe('get', () => {
  it('answers lists with `assets`, each asset once, unknown ids absent', () => {
    const [a, b] = all;
    const reply = handlers.get({ ids: [a!.id, b!.id, a!.id, 'f'.repeat(32)] });
    expect(reply).toEqual({ assets: [a, b], error: 0 });
  });

  it('answers a single id or external id with `asset`, and an error for an unknown one', () => {
    expect(handlers.get({ id: all[1]!.id })).toEqual({ asset: all[1], error: 0 });
    expect(handlers.get({ external_id: 'ext-000003' })).toEqual({ asset: all[3], error: 0 });
    expect(rejectionOf(() => handlers.get({ id: 'f'.repeat(32) }))).toBe('Asset not found');
  });

  it('requires exactly one selector and at most 1000 ids', () => {
    expect(rejectionOf(() => handlers.get({}))).toMatch(/exactly one/);
    expect(rejectionOf(() => handlers.get({ id: 'x', ids: ['y'] }))).toMatch(/exactly one/);
    expect(rejectionOf(() => handlers.get({ ids: all.slice(0, 1001).map((a) => a.id) }))).toMatch(/1000/);
    expect(rejectionOf(() => handlers.get({ ids: 'abc' }))).toMatch(/list of strings/);
  });
});

describe('list', () => {
  it('pages newest first by default, without deleted assets', () => {
    const page = handlers.list({ skip: 0, limit: 100 }).assets as typeof all;
    const next = handlers.list({ skip: 100, limit: 100 }).assets as typeof all;
    const created = [...page, ...next].map((a) => a.created);
    expect(created).toEqual([...created].sort((x, y) => y - x));
    expect(page.concat(next).every((a) => a.deleted === undefined)).toBe(true);
    expect(handlers.list({ skip: live.length - 3, limit: 100 }).assets).toHaveLength(3);
  });

  it('orders by several keys and searches desc, id and external id', () => {
    const byDuration = handlers.list({ order: 'duration', limit: 5 }).assets as typeof all;
    expect(byDuration[0]!.duration).toBe(Math.min(...live.map((a) => a.duration)));
    const hits = handlers.list({ query: 'EXT-000003 nothing-matches' }).assets as typeof all;
    expect(hits.map((a) => a.id)).toContain(all[3]!.id);
    expect(handlers.list({ query: all[1]!.id }).assets).toEqual([all[1]]);
  });

  it('answers shared libraries in `shared_assets` unless ignore_shared_libraries is set, and never changes them', () => {
    const shared = handlers.list({ skip: 0, limit: 5 }).shared_assets as typeof all;
    expect(shared).toHaveLength(5);
    expect(shared.every((a) => !store.get(a.id) && a.libraries.length === 1)).toBe(true);
    expect(handlers.list({ limit: 5, ignore_shared_libraries: true }).shared_assets).toEqual([]);
    expect(rejectionOf(() => handlers.list({ ignore_shared_libraries: 'yes' }))).toMatch(/boolean/);
    expect(handlers.get({ id: shared[0]!.id })).toEqual({ asset: shared[0], error: 0 });
    expect(rejectionOf(() => handlers.update({ id: shared[0]!.id, desc: 'mine now' }, Date.now()))).toBe('Asset not found');
    expect(handlers.delete({ ids: [shared[0]!.id] }, Date.now())).toEqual({ deleted: [], error: 0 });
  });

  it('rejects a limit outside 1–100, a negative skip and unknown order keys', () => {
    expect(rejectionOf(() => handlers.list({ limit: 0 }))).toMatch(/between 1 and 100/);
    expect(rejectionOf(() => handlers.list({ limit: 101 }))).toMatch(/between 1 and 100/);
    expect(rejectionOf(() => handlers.list({ skip: -1 }))).toMatch(/negative/);
    expect(rejectionOf(() => parseOrder('-created,size'))).toMatch(/size/);
    expect(parseOrder('-duration,desc')).toEqual([
      { key: 'duration', descending: true },
      { key: 'desc', descending: false },
    ]);
  });
});

describe('changes', () => {
  it('pages from start inclusively and re-reports the boundary change', () => {
    const log = store.changeLog();
    const first = handlers.changes({ start: 0 }, Date.now());
    expect(first.changes).toEqual(log.slice(0, CHANGES_PER_REPLY));
    expect(first.end).toBe(log[CHANGES_PER_REPLY - 1]![0]);
    const second = handlers.changes({ start: first.end }, Date.now());
    expect((second.changes as typeof log)[0]).toEqual(log[CHANGES_PER_REPLY - 1]);
    const tail = handlers.changes({ start: log[log.length - 1]![0] }, 42);
    expect(tail).toMatchObject({ changes: [log[log.length - 1]], end: log[log.length - 1]![0] });
    expect(Object.keys(tail.assets as object)).toEqual([log[log.length - 1]![2]]);
  });

  it('requires start', () => {
    expect(rejectionOf(() => handlers.changes({}, 0))).toMatch(/start/);
  });
});

describe('frames', () => {
  const ready = live.find((a) => a.state === 'ready' && a.duration > 10)!;

  it('renders PNG frames that differ over time, and thumbs at 25 per second', () => {
    const a = handlers.getframe({ id: ready.id, ts: 1000 }).img as string;
    const b = handlers.getframe({ id: ready.id, ts: '00:00:02.000' }).img as string;
    expect(Buffer.from(a, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(a).not.toBe(b);
    expect(handlers.getthumbs({ id: ready.id, start: 0 }).imgs).toHaveLength(25);
    expect(handlers.getthumbs({ id: ready.id, start: '00:01.000', stop: 1500 }).imgs).toHaveLength(13);
  });

  it('rejects ranges over 1 s, stop before start, and assets that are not playable', () => {
    expect(rejectionOf(() => handlers.getthumbs({ id: ready.id, start: 0, stop: 1001 }))).toMatch(/1 second/);
    expect(rejectionOf(() => handlers.getthumbs({ id: ready.id, start: 500, stop: 500 }))).toMatch(/after start/);
    const slicing = all.find((a) => a.state !== 'ready')!;
    expect(rejectionOf(() => handlers.getframe({ id: slicing.id, ts: 0 }))).toMatch(/not ready/);
    expect(rejectionOf(() => handlers.getframe({ id: 'f'.repeat(32), ts: 0 }))).toBe('Asset not found');
  });
});

describe('authenticate', () => {
  const { ownerId, apiKey } = SANDBOX_CREDENTIALS.UPLYNK;
  const now = 1_700_000_000_000;
  const request = (fields: Record<string, string>, method = 'POST'): SandboxRequest => ({
    method,
    path: '/api2/asset/get',
    params: {},
    query: method === 'GET' ? new URLSearchParams(fields) : new URLSearchParams(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: Buffer.from(method === 'POST' ? new URLSearchParams(fields).toString() : ''),
  });
  const sign = (over: Partial<{ ownerId: string; apiKey: string; nowSeconds: number }> = {}) => {
    const signed = signMessage({ id: 'x' }, { ownerId, apiKey, nowSeconds: now / 1000, ...over });
    return { msg: signed.msg, sig: signed.sig };
  };

  it('accepts a signed form body or query string', () => {
    expect(authenticate(request(sign()), now)).toMatchObject({ id: 'x', _owner: ownerId });
    expect(authenticate(request(sign(), 'GET'), now)).toMatchObject({ id: 'x' });
  });

  it('rejects a bad key, an unknown owner, a stale timestamp and a missing signature', () => {
    expect(rejectionOf(() => authenticate(request(sign({ apiKey: 'wrong' })), now))).toBe('Invalid signature');
    expect(rejectionOf(() => authenticate(request(sign({ ownerId: 'f'.repeat(32) })), now))).toBe('Unknown owner');
    expect(rejectionOf(() => authenticate(request(sign({ nowSeconds: now / 1000 - 301 })), now))).toMatch(/timestamp/);
    expect(authenticate(request(sign({ nowSeconds: now / 1000 - 299 })), now)).toMatchObject({ id: 'x' });
    expect(rejectionOf(() => authenticate(request({ msg: sign().msg }), now))).toMatch(/Missing/);
  });
});
