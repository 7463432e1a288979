import { describe, expect, it } from 'vitest';
import { createLoaders } from '../../../loaders/index.js';
import { Limiter } from '../../../src/providers/concurrency.js';
import type { ProviderRegistry } from '../../../src/providers/registry.js';
import type { Asset, ProviderName } from '../../../src/providers/types.js';
import type { AssetProvider } from '../../../src/providers/port.js';
import { shareReads } from '../../../src/providers/shared-reads.js';

function fakeAsset(provider: ProviderName, providerId: string): Asset {
  return { provider, providerId } as Asset;
}

/** A provider whose getAssets records each call and answers in reverse order, dropping "missing-*" ids. */
function fakeProvider(name: ProviderName, maxBatch: number, delayMs = 0) {
  const calls: string[][] = [];
  let inFlight = 0;
  let peak = 0;
  const assets: AssetProvider = {
    name,
    maxBatch,
    async getAssets(ids) {
      calls.push([...ids]);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, delayMs));
      inFlight--;
      return ids
        .filter((id) => !id.startsWith('missing'))
        .reverse()
        .map((id) => fakeAsset(name, id)) as never;
    },
    listAssets: async () => ({ items: [], hasNextPage: false, totalCount: 0 }),
    listCalls: () => 1,
  };
  return { assets, calls, peak: () => peak };
}

/** The registry's part the loaders use: each fake behind its own shared reads, as ProviderRegistry builds them. */
function registry(...clients: ReturnType<typeof fakeProvider>[]): ProviderRegistry {
  const byName = new Map(clients.map((c) => [c.assets.name, { direct: c.assets, reads: shareReads(c.assets, undefined, { maxInFlight: () => 1 }) }]));
  return {
    get: (name: ProviderName) => ({ assets: byName.get(name)!.reads.assets }),
    reads: (name: ProviderName) => byName.get(name)!.reads,
    direct: (name: ProviderName) => byName.get(name)!.direct,
    forget: (name: ProviderName, id: string) => byName.get(name)?.reads.forget(id),
  } as unknown as ProviderRegistry;
}

describe('createLoaders', () => {
  it('chunks multi-get keys at maxBatch and matches rows to keys by id, not position', async () => {
    const up = fakeProvider('UPLYNK', 1000);
    const loaders = createLoaders(registry(up), { concurrency: 8, batching: true });
    const keys = Array.from({ length: 2500 }, (_, i) => `id-${i}`);
    const results = await loaders.asset('UPLYNK').loadMany(keys);
    expect(up.calls.map((c) => c.length)).toEqual([1000, 1000, 500]);
    expect(results.map((r) => (r as Asset).providerId)).toEqual(keys);
  });

  it('gives an Error per missing key and keeps the rest', async () => {
    const tl = fakeProvider('TWELVE_LABS', 50);
    const loaders = createLoaders(registry(tl), { concurrency: 8, batching: true });
    const results = await loaders.asset('TWELVE_LABS').loadMany(['a', 'missing-1', 'b']);
    expect((results[0] as Asset).providerId).toBe('a');
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[1] as any).code).toBe('NOT_FOUND');
    expect((results[2] as Asset).providerId).toBe('b');
  });

  it('sends single-get providers one call per distinct key, at most `concurrency` at once', async () => {
    const vj = fakeProvider('VIDEO_JUNGLE', 1, 5);
    const loaders = createLoaders(registry(vj), { concurrency: 3, batching: true });
    const keys = [...Array.from({ length: 12 }, (_, i) => `v${i}`), 'v0', 'v1'];
    await loaders.asset('VIDEO_JUNGLE').loadMany(keys);
    expect(vj.calls).toHaveLength(12);
    expect(vj.peak()).toBe(3);
  });

  it('serves primed assets without a call, and forgets them after a write', async () => {
    const up = fakeProvider('UPLYNK', 1000);
    const loaders = createLoaders(registry(up), { concurrency: 8, batching: true });
    loaders.prime([fakeAsset('UPLYNK', 'p1')]);
    await loaders.asset('UPLYNK').load('p1');
    expect(up.calls).toHaveLength(0);
    loaders.forgetAsset('UPLYNK', 'p1');
    await loaders.asset('UPLYNK').load('p1');
    expect(up.calls).toEqual([['p1']]);
  });

  it('with batching off, sends one call per key', async () => {
    const up = fakeProvider('UPLYNK', 1000);
    const loaders = createLoaders(registry(up), { concurrency: 8, batching: false });
    await loaders.asset('UPLYNK').loadMany(['a', 'b', 'c']);
    expect(up.calls).toEqual([['a'], ['b'], ['c']]);
  });

  it("two requests' loaders share the provider's calls; each keeps its own cache", async () => {
    const up = fakeProvider('UPLYNK', 1000, 10);
    const shared = registry(up);
    const [one, two] = [createLoaders(shared, { concurrency: 8, batching: true }), createLoaders(shared, { concurrency: 8, batching: true })];
    const [a, b] = await Promise.all([one.asset('UPLYNK').loadMany(['x', 'y']), two.asset('UPLYNK').loadMany(['y', 'z'])]);
    expect([a, b].map((r) => r.map((x) => (x as Asset).providerId))).toEqual([
      ['x', 'y'],
      ['y', 'z'],
    ]);
    expect(up.calls).toEqual([['x', 'y', 'z']]);
  });

  it("a request whose signal aborts fails its own keys only; the other request's shared read answers", async () => {
    const up = fakeProvider('UPLYNK', 1000, 20);
    const shared = registry(up);
    const controller = new AbortController();
    const gone = createLoaders(shared, { concurrency: 8, batching: true, signal: controller.signal });
    const kept = createLoaders(shared, { concurrency: 8, batching: true });
    const abandoned = gone.asset('UPLYNK').load('x');
    const answered = kept.asset('UPLYNK').load('x');
    setTimeout(() => controller.abort(new Error('client closed the request')), 5);
    await expect(abandoned).rejects.toThrow('client closed the request');
    expect(((await answered) as Asset).providerId).toBe('x');
    expect(up.calls).toEqual([['x']]);
  });
});

describe('Limiter', () => {
  it('runs at most max tasks at once, in order', async () => {
    const limiter = new Limiter(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        limiter.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 2));
          order.push(n);
          active--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });
});
