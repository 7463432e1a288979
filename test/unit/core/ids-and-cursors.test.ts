import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, sliceConnection } from '../../../resolvers/paging.js';
import { decodeAssetId, decodeGlobalId, encodeGlobalId, typenameOfGlobalId } from '../../../schema/ids.js';
import { PROVIDER_MODULES } from '../../../src/providers/index.js';

describe('global IDs', () => {
  it('round-trip provider ids that contain colons and @', () => {
    const runway = 'user:1234-runwayml:me@example.com-asset:9f1c';
    expect(decodeAssetId(encodeGlobalId('RunwayAsset', runway))).toEqual({ provider: 'RUNWAY', id: runway });
  });

  it('read the URL-safe alphabet, without padding, and UTF-8 provider ids', () => {
    const id = 'clip ✂ ~~~ß';
    const standard = encodeGlobalId('UplynkAsset', id);
    expect(standard).toMatch(/[+/]/);
    const urlSafe = standard.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    expect(decodeAssetId(standard)).toEqual({ provider: 'UPLYNK', id });
    expect(decodeAssetId(urlSafe)).toEqual({ provider: 'UPLYNK', id });
  });

  it.each([
    '',
    '%%%',
    `${encodeGlobalId('UplynkAsset', 'abc')}A`,
    'VXBs+y1_',
    Buffer.from('NoColon').toString('base64'),
    Buffer.from('Unknown:1').toString('base64'),
    'A'.repeat(3000),
  ])('reject %j as BAD_USER_INPUT', (id) => {
    expect(() => decodeGlobalId(id)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', invalidId: true }));
  });
});

describe('typenameOfGlobalId (what the cost estimate reads instead of decoding)', () => {
  const typenames = [...PROVIDER_MODULES.map((m) => m.typename), ...PROVIDER_MODULES.flatMap((m) => m.nodeTypes)];
  const urlSafe = (id: string) => id.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

  it('names the type of every ID decodeGlobalId accepts, in both alphabets, whatever the id length', () => {
    for (const typename of typenames) {
      // Lengths 1–4 put the id's first byte at each offset of a base64 group; '?>' and '✂' give + / and UTF-8.
      for (const id of ['a', 'ab', 'abc', 'abcd', '???>>>', 'clip ✂']) {
        const globalId = encodeGlobalId(typename, id);
        expect(decodeGlobalId(globalId).typename).toBe(typename);
        expect(typenameOfGlobalId(globalId)).toBe(typename);
        expect(typenameOfGlobalId(urlSafe(globalId))).toBe(typename);
      }
    }
  });

  it.each([
    '',
    'VXBs',
    Buffer.from('UplynkAsset;x').toString('base64'),
    Buffer.from('UplynkAsse:x').toString('base64'),
    Buffer.from('Unknown:1').toString('base64'),
    `%${encodeGlobalId('UplynkAsset', 'x')}`,
  ])('names no type for %j', (id) => {
    expect(typenameOfGlobalId(id)).toBeUndefined();
  });
});

describe('cursors', () => {
  it('round-trip offsets and reject cursors of another list', () => {
    const cursor = encodeCursor({ UPLYNK: 40 });
    expect(decodeCursor(cursor, ['UPLYNK'])).toEqual({ UPLYNK: 40 });
    expect(() => decodeCursor(cursor, ['RUNWAY'])).toThrow(/not a cursor of this list/);
    expect(() => decodeCursor(encodeCursor({ UPLYNK: -1 }), ['UPLYNK'])).toThrow();
    expect(decodeCursor(undefined, ['A', 'B'])).toEqual({ A: 0, B: 0 });
  });

  it('check page sizes', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow(/between 1 and 100/);
  });

  it('slice in-memory lists', () => {
    const page1 = sliceConnection([1, 2, 3, 4, 5], 'x', 2, undefined);
    expect(page1.edges.map((e) => e.node)).toEqual([1, 2]);
    const page3 = sliceConnection([1, 2, 3, 4, 5], 'x', 2, encodeCursor({ x: 4 }));
    expect(page3).toMatchObject({ hasNextPage: false, totalCount: 5 });
    expect(page3.edges.map((e) => e.node)).toEqual([5]);
  });
});
