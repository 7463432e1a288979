import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from '../../../src/live/serializer.js';
import type { LiveBatch } from '../../../src/live/types.js';
import type { Change } from '../../../src/providers/types.js';
import { tlAsset, uplynkAsset } from './fixtures.js';

describe('live serializer', () => {
  it('round-trips assets and changes with every Date revived', () => {
    const asset = uplynkAsset('u1');
    const change: Change = { provider: 'UPLYNK', providerId: 'u1', action: 'UPDATED', at: new Date(1_750_000_000_123), asset };
    const batch: LiveBatch = {
      provider: 'UPLYNK',
      entries: [
        { id: 'u1', asset, deleted: false, change },
        { id: 'u2', asset: null, deleted: true, change: null },
      ],
    };
    const back = deserialize(serialize(batch)) as LiveBatch;
    expect(back).toEqual(batch);
    const first = back.entries[0]!;
    expect(first.change!.at).toBeInstanceOf(Date);
    expect(first.change!.at.getTime()).toBe(1_750_000_000_123);
    expect(first.asset!.createdAt).toBeInstanceOf(Date);
    expect((first.asset as typeof asset).autoExpireAt).toEqual(new Date(1_800_000_000_000));
    expect((first.asset as typeof asset).deletedAt).toBeNull();
  });

  it('leaves strings that look like dates, and nested user data, as they were', () => {
    const asset = tlAsset('t1', 'READY', { userMetadata: { shotAt: '2026-01-01T00:00:00.000Z', n: 1 } });
    const back = deserialize(serialize(asset)) as typeof asset;
    expect(back.userMetadata).toEqual({ shotAt: '2026-01-01T00:00:00.000Z', n: 1 });
    expect(back.createdAt).toEqual(asset.createdAt);
  });

  it('keeps an invalid Date invalid rather than inventing one', () => {
    const back = deserialize(serialize({ at: new Date(Number.NaN) })) as { at: Date };
    expect(back.at).toBeInstanceOf(Date);
    expect(Number.isNaN(back.at.getTime())).toBe(true);
  });
});
