import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, sliceConnection } from '../../../resolvers/paging.js';
import { decodeAssetId, decodeGlobalId, encodeGlobalId } from '../../../schema/ids.js';

describe('global IDs', () => {
  it('round-trip provider ids that contain colons and @', () => {
    const runway = 'user:1234-runwayml:me@example.com-asset:9f1c';
    expect(decodeAssetId(encodeGlobalId('RunwayAsset', runway))).toEqual({ provider: 'RUNWAY', id: runway });
  });

  it.each(['', '%%%', Buffer.from('NoColon').toString('base64'), Buffer.from('Unknown:1').toString('base64'), 'A'.repeat(3000)])(
    'reject %j as BAD_USER_INPUT',
    (id) => {
      expect(() => decodeGlobalId(id)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', invalidId: true }));
    },
  );
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
