import { describe, expect, it } from 'vitest';
import { assembleRunwayPage, planRunwayCalls } from '../../../src/providers/runway/client.js';
import type { RunwayWireAsset } from '../../../src/providers/runway/wire.js';

const items = (from: number, count: number): RunwayWireAsset[] => Array.from({ length: count }, (_, i) => ({ assetId: `a${from + i}` }) as RunwayWireAsset);
const ids = (list: RunwayWireAsset[]) => list.map((a) => a.assetId);

describe('planRunwayCalls', () => {
  it('asks for one extra item when that stays within 50', () => {
    expect(planRunwayCalls({ offset: 0, limit: 20 })).toEqual([{ offset: 0, size: 20, ask: 21 }]);
    expect(planRunwayCalls({ offset: 10, limit: 49 })).toEqual([{ offset: 10, size: 49, ask: 50 }]);
  });

  it('asks for exactly 50 when the window is a full page', () => {
    expect(planRunwayCalls({ offset: 0, limit: 50 })).toEqual([{ offset: 0, size: 50, ask: 50 }]);
  });

  it('splits 100 into two calls of 50', () => {
    expect(planRunwayCalls({ offset: 40, limit: 100 })).toEqual([
      { offset: 40, size: 50, ask: 50 },
      { offset: 90, size: 50, ask: 50 },
    ]);
  });

  it('splits 70 into 50 + 20 and probes after the second', () => {
    expect(planRunwayCalls({ offset: 0, limit: 70 })).toEqual([
      { offset: 0, size: 50, ask: 50 },
      { offset: 50, size: 20, ask: 21 },
    ]);
  });

  it('makes no call starting past offset 1000 (useapi refuses them)', () => {
    expect(planRunwayCalls({ offset: 980, limit: 100 })).toEqual([{ offset: 980, size: 50, ask: 50 }]);
    expect(planRunwayCalls({ offset: 1000, limit: 10 })).toEqual([{ offset: 1000, size: 10, ask: 11 }]);
  });
});

describe('assembleRunwayPage', () => {
  it('uses the extra item for hasNextPage and drops it', () => {
    const calls = planRunwayCalls({ offset: 0, limit: 3 });
    const more = assembleRunwayPage(calls, [items(0, 4)]);
    expect(ids(more.items)).toEqual(['a0', 'a1', 'a2']);
    expect(more.hasNextPage).toBe(true);
    const last = assembleRunwayPage(calls, [items(0, 3)]);
    expect(last.hasNextPage).toBe(false);
  });

  it('treats a full page of 50 as "maybe more"', () => {
    const calls = planRunwayCalls({ offset: 0, limit: 50 });
    expect(assembleRunwayPage(calls, [items(0, 50)]).hasNextPage).toBe(true);
    expect(assembleRunwayPage(calls, [items(0, 49)]).hasNextPage).toBe(false);
  });

  it('joins two calls in order', () => {
    const calls = planRunwayCalls({ offset: 0, limit: 100 });
    const page = assembleRunwayPage(calls, [items(0, 50), items(50, 10)]);
    expect(page.items).toHaveLength(60);
    expect(page.items[50]?.assetId).toBe('a50');
    expect(page.hasNextPage).toBe(false);
  });

  it('stops at a short first reply even when a later reply has items (the list shifted)', () => {
    const calls = planRunwayCalls({ offset: 0, limit: 100 });
    const page = assembleRunwayPage(calls, [items(0, 30), items(50, 5)]);
    expect(page.items).toHaveLength(30);
    expect(page.hasNextPage).toBe(false);
  });
});
