import { describe, expect, it } from 'vitest';
import { DAY_MS, SANDBOX_EPOCH } from '../../../sandbox/epoch.js';
import { renderPng } from '../../../sandbox/png.js';
import { FrameRenderer } from '../../../sandbox/uplynk/frames.js';
import { createHandlers } from '../../../sandbox/uplynk/handlers.js';
import { createUplynkSandbox } from '../../../sandbox/uplynk/index.js';
import { MAX_POSTER_BYTES } from '../../../sandbox/uplynk/writes.js';
import { Rejection } from '../../../sandbox/uplynk/params.js';
import { rejectionOf } from './rejection.js';

function setup() {
  const { store } = createUplynkSandbox();
  const handlers = createHandlers(store, new FrameRenderer());
  const live = store.all().filter((a) => a.deleted === undefined && a.state === 'ready');
  return { store, handlers, live };
}

// A write after the seeded history, which ends when the sandbox started.
const NOW = SANDBOX_EPOCH + DAY_MS;

describe('sandbox /asset/update', () => {
  it('stores the fields, bumps lastmod and logs an update at that time', () => {
    const { store, handlers, live } = setup();
    const asset = live.find((a) => Object.keys(a.meta).length > 0)!;
    const meta = { ...asset.meta };
    const players = asset.test_players.length;
    const embed = asset.embed_player_url;
    const reply = handlers.update(
      {
        id: asset.id,
        desc: 'New Desc',
        external_id: 'foux',
        meta: '{"key1":"value1"}',
        autoexpire: '1900000000000',
        require_drm: 1,
        require_studio_drm: false,
        test_player_url: 0,
        embed_player_url: 'yes',
      },
      NOW,
    );
    expect(reply).toEqual({ asset, error: 0 });
    expect(asset).toMatchObject({
      desc: 'New Desc',
      external_id: 'foux',
      meta: { ...meta, key1: 'value1' },
      autoexpire: 1_900_000_000_000,
      require_drm: 1,
      require_studio_drm: 0,
      lastmod: NOW,
    });
    expect(asset.test_players).toHaveLength(players + 1);
    expect(asset.test_player_url).toBe(asset.test_players[players]!.url);
    expect(asset.embed_player_url).not.toBe(embed);
    expect(store.changeLog().at(-1)).toEqual([NOW, 'update', asset.id]);
    expect(store.getByExternalId('foux')).toBe(asset);
    expect(store.list([{ key: 'lastmod', descending: true }], 0, 1, undefined)).toEqual([asset]);
  });

  it('clears meta with "{}", names an asset by external_id alone, and changes nothing on a bare id', () => {
    const { store, handlers, live } = setup();
    const asset = live.find((a) => a.external_id !== null && Object.keys(a.meta).length > 0)!;
    handlers.update({ external_id: asset.external_id, meta: '{}' }, NOW);
    expect(asset.meta).toEqual({});
    const logged = store.changeLog().length;
    expect(handlers.update({ id: asset.id }, NOW)).toEqual({ asset, error: 0 });
    expect(store.changeLog()).toHaveLength(logged);
  });

  it('sets a poster from a real image, resets it with "", and refuses bad posters', () => {
    const { handlers, live } = setup();
    const asset = live[0]!;
    handlers.update({ id: asset.id, poster_img: renderPng(8, 8, 1).toString('base64') }, NOW);
    expect(asset.poster_url).toMatch(/\/[0-9a-f]{32}\.jpg$/);
    handlers.update({ id: asset.id, poster_img: '' }, NOW);
    expect(asset.poster_url).toBeUndefined();
    const big = Buffer.alloc(MAX_POSTER_BYTES, 0xff).toString('base64');
    expect(rejectionOf(() => handlers.update({ id: asset.id, poster_img: big }, NOW))).toMatch(/3MB/);
    expect(rejectionOf(() => handlers.update({ id: asset.id, poster_img: 'abc' }, NOW))).toMatch(/base64/);
    const text = Buffer.from('hello').toString('base64');
    expect(rejectionOf(() => handlers.update({ id: asset.id, poster_img: text }, NOW))).toMatch(/image/);
  });

  it('refuses unknown and deleted assets and bad values, changing nothing', () => {
    const { store, handlers, live } = setup();
    const deleted = store.all().find((a) => a.deleted !== undefined)!;
    expect(rejectionOf(() => handlers.update({ id: 'f'.repeat(32), desc: 'x' }, NOW))).toBe('Asset not found');
    expect(rejectionOf(() => handlers.update({ id: deleted.id, desc: 'x' }, NOW))).toBe('Asset not found');
    expect(rejectionOf(() => handlers.update({ desc: 'x' }, NOW))).toMatch(/id or external_id/);
    const asset = live[1]!;
    const before = structuredClone(asset);
    for (const bad of [
      { desc: '' },
      { require_drm: 2 },
      { autoexpire: -1 },
      { meta: [1] },
      { meta: '{"a": {"b": 1}}' },
      { meta: '[1]' },
      { desc: 'ok', meta: 'not json' },
    ]) {
      expect(() => handlers.update({ id: asset.id, ...bad }, NOW)).toThrow(Rejection);
    }
    expect(asset).toEqual(before);
  });

  it('refuses meta sent as a dict rather than the JSON string every known client sends', () => {
    const { handlers, live } = setup();
    const asset = live[2]!;
    const before = structuredClone(asset);
    expect(rejectionOf(() => handlers.update({ id: asset.id, meta: { key1: 'value1' } }, NOW))).toBe('meta must be a JSON-encoded dictionary');
    expect(rejectionOf(() => handlers.update({ id: asset.id, meta: {} }, NOW))).toBe('meta must be a JSON-encoded dictionary');
    expect(asset).toEqual(before);
  });
});

describe('sandbox /asset/delete', () => {
  it('stamps deleted, logs strictly increasing deletes, drops them from the list, keeps them by id', () => {
    const { store, handlers, live } = setup();
    const [a, b] = live;
    const reply = handlers.delete({ ids: [a!.id, b!.id, a!.id, 'f'.repeat(32)], external_ids: [] }, NOW);
    expect(reply).toEqual({
      deleted: [
        { id: a!.id, external_id: a!.external_id },
        { id: b!.id, external_id: b!.external_id },
      ],
      error: 0,
    });
    expect([a!.deleted, b!.deleted]).toEqual([NOW, NOW + 1]);
    expect(store.changeLog().slice(-2)).toEqual([
      [NOW, 'delete', a!.id],
      [NOW + 1, 'delete', b!.id],
    ]);
    expect(store.list([{ key: 'id', descending: false }], 0, 5000, undefined)).not.toContain(a);
    expect(store.get(a!.id)).toBe(a);
    // Again: already deleted, so absent from `deleted`.
    expect(handlers.delete({ ids: [a!.id] }, NOW)).toEqual({ deleted: [], error: 0 });
    const named = live.find((x) => x.external_id !== null && x.deleted === undefined)!;
    expect(handlers.delete({ external_ids: [named.external_id] }, NOW)).toMatchObject({ deleted: [{ id: named.id }] });
  });

  it('requires ids or external_ids, at most 1000 in all', () => {
    const { handlers } = setup();
    expect(rejectionOf(() => handlers.delete({}, NOW))).toMatch(/ids/);
    expect(rejectionOf(() => handlers.delete({ ids: 'abc' }, NOW))).toMatch(/list of strings/);
    const ids = Array.from({ length: 600 }, (_, i) => String(i));
    expect(rejectionOf(() => handlers.delete({ ids, external_ids: ids }, NOW))).toMatch(/1000/);
  });

  it('pages the change feed past a burst of deletes logged in one millisecond', () => {
    const { store, handlers, live } = setup();
    handlers.delete({ ids: live.slice(0, 250).map((a) => a.id) }, NOW);
    const seen = new Set<string>();
    let start = NOW;
    for (let i = 0; i < 10; i++) {
      const page = store.changesFrom(start, NOW);
      for (const [, , id] of page.changes) seen.add(id);
      if (page.changes.length < 100) {
        expect(page.end).toBeGreaterThanOrEqual(page.changes.at(-1)![0]);
        break;
      }
      start = page.end;
    }
    expect(seen.size).toBe(250);
  });
});
