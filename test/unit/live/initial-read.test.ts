import { describe, expect, it } from 'vitest';
import { CostMeter, countUpstreamCall, metered } from '../../../src/cost/meter.js';
import { InitialReader } from '../../../src/live/initial-read.js';
import type { ProviderRegistry } from '../../../src/providers/registry.js';
import { uplynkAsset } from './fixtures.js';

/** A registry whose Uplynk multi-get holds `maxBatch` ids a call and counts its calls. */
function registry(maxBatch: number) {
  const calls: string[][] = [];
  const providers = {
    get: () => ({
      assets: {
        maxBatch,
        async getAssets(ids: string[]) {
          for (let i = 0; i < ids.length; i += maxBatch) {
            countUpstreamCall();
            calls.push(ids.slice(i, i + maxBatch));
          }
          return ids.map((id) => uplynkAsset(id));
        },
      },
    }),
  } as unknown as ProviderRegistry;
  return { providers, calls };
}

describe('InitialReader', () => {
  it('shares one read among subscribers of the same turn, and charges each the calls its own ids need', async () => {
    const { providers, calls } = registry(2);
    const reader = new InitialReader(providers);
    const [a, b, c] = [new CostMeter(), new CostMeter(), new CostMeter()];
    const reads = await Promise.all([
      metered(a, () => reader.read('UPLYNK', ['x'])),
      metered(b, () => reader.read('UPLYNK', ['x', 'y'])),
      metered(c, () => reader.read('UPLYNK', ['x', 'y', 'z'])),
    ]);
    // x, y, z in two calls of two: every subscriber waited on both.
    expect(calls).toEqual([['x', 'y'], ['z']]);
    expect(reads.every((found) => found.size === 3)).toBe(true);
    expect([a.calls, b.calls, c.calls]).toEqual([1, 1, 2]);
  });
});
