import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors/domain.js';
import type { AssetUpdate } from '../../../src/providers/types.js';
import { checkedPoster, decodedLength, UPLYNK_MAX_POSTER_BYTES, UPLYNK_UPDATABLE_FIELDS, uplynkUpdateParams } from '../../../src/providers/uplynk/update.js';

const ID = '5915d84829405cb4db1bc3f71c10fc83';

function badInputOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    return (error as DomainError).message;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('uplynkUpdateParams', () => {
  it('lists every AssetUpdate field as updatable', () => {
    const every: Required<Record<keyof AssetUpdate, true>> = {
      name: true,
      externalId: true,
      metadata: true,
      posterImage: true,
      autoExpireAt: true,
      requireDrm: true,
      requireStudioDrm: true,
      newTestPlayer: true,
      newEmbedPlayer: true,
    };
    expect([...UPLYNK_UPDATABLE_FIELDS].sort()).toEqual(Object.keys(every).sort());
  });

  it('maps each field to its wire parameter, with id always sent (so external_id assigns)', () => {
    const params = uplynkUpdateParams(ID, {
      name: 'New Desc',
      externalId: 'foux',
      metadata: { key1: 'value1', n: 2, ok: true },
      posterImage: 'iVBORw0KGgo=',
      autoExpireAt: new Date(1_800_000_000_000),
      requireDrm: true,
      requireStudioDrm: false,
      newTestPlayer: true,
      newEmbedPlayer: true,
    });
    expect(params).toEqual({
      id: ID,
      desc: 'New Desc',
      external_id: 'foux',
      // A JSON string, as the docs' sample, UP-EDGIO and UP-NODE send it.
      meta: '{"key1":"value1","n":2,"ok":true}',
      poster_img: 'iVBORw0KGgo=',
      autoexpire: 1_800_000_000_000,
      require_drm: 1,
      require_studio_drm: 0,
      test_player_url: 1,
      embed_player_url: 1,
    });
  });

  it('sends "{}" to clear meta, 0 for "never expires", and no player keys unless asked for', () => {
    const params = uplynkUpdateParams(ID, { metadata: {}, autoExpireAt: null, newTestPlayer: false, newEmbedPlayer: false });
    expect(params).toEqual({ id: ID, meta: '{}', autoexpire: 0 });
    expect(uplynkUpdateParams(ID, { posterImage: '' })).toEqual({ id: ID, poster_img: '' });
  });

  it('refuses empty ids, names and external ids, nested metadata, bad dates and empty updates', () => {
    expect(badInputOf(() => uplynkUpdateParams('', { name: 'x' }))).toMatch(/id/);
    expect(badInputOf(() => uplynkUpdateParams(ID, { name: ' ' }))).toMatch(/name/);
    expect(badInputOf(() => uplynkUpdateParams(ID, { externalId: '' }))).toMatch(/externalId/);
    expect(badInputOf(() => uplynkUpdateParams(ID, { metadata: { a: [1] } }))).toMatch(/metadata\.a/);
    expect(badInputOf(() => uplynkUpdateParams(ID, { metadata: { a: null } }))).toMatch(/metadata\.a/);
    expect(badInputOf(() => uplynkUpdateParams(ID, { metadata: { a: Number.NaN } }))).toMatch(/metadata\.a/);
    expect(badInputOf(() => uplynkUpdateParams(ID, { autoExpireAt: new Date('nope') }))).toMatch(/autoExpireAt/);
    expect(badInputOf(() => uplynkUpdateParams(ID, { autoExpireAt: new Date(0) }))).toMatch(/autoExpireAt/);
    expect(badInputOf(() => uplynkUpdateParams(ID, { newTestPlayer: false }))).toMatch(/changes nothing/);
  });
});

describe('checkedPoster', () => {
  it('counts decoded bytes from the text alone', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100]) {
      expect(decodedLength(Buffer.alloc(n).toString('base64'))).toBe(n);
    }
  });

  it('accepts up to one byte under 3 MB decoded, refuses 3 MB', () => {
    const under = Buffer.alloc(UPLYNK_MAX_POSTER_BYTES - 1).toString('base64');
    expect(checkedPoster(under)).toBe(under);
    const at = Buffer.alloc(UPLYNK_MAX_POSTER_BYTES).toString('base64');
    expect(badInputOf(() => checkedPoster(at))).toMatch(/smaller than 3 MB.*3145728 bytes/);
  });

  it('sends line-wrapped base64 compact, and refuses what is not padded standard base64', () => {
    expect(checkedPoster('iVBO\nRw0K\r\nGgo=')).toBe('iVBORw0KGgo=');
    expect(checkedPoster('')).toBe('');
    for (const bad of ['iVBORw0KGgo', 'iVBO-w0KGgo=', 'iV=BORw0KGgo', 'a===']) {
      expect(badInputOf(() => checkedPoster(bad))).toMatch(/not valid base64/);
    }
    expect(badInputOf(() => checkedPoster('data:image/png;base64,iVBO'))).toMatch(/data: URL prefix/);
  });
});
