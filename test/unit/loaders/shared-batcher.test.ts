import { describe, expect, it } from 'vitest';
import { CostMeter, countUpstreamCall, metered } from '../../../src/cost/meter.js';
import { SharedBatcher, type SharedBatcherOptions } from '../../../src/providers/shared-batcher.js';

/** A fake upstream whose calls stay open until released, so tests decide what is in flight. */
function upstream(options: Partial<SharedBatcherOptions<string>> = {}) {
  const calls: { keys: readonly string[]; release(fail?: Error): void }[] = [];
  const batcher = new SharedBatcher<string>({
    maxBatch: 3,
    fetch: (keys) =>
      new Promise((resolve, reject) => {
        countUpstreamCall();
        calls.push({
          keys,
          release: (fail) => (fail ? reject(fail) : resolve(new Map(keys.filter((k) => !k.startsWith('missing')).map((k) => [k, `v:${k}:${calls.length}`])))),
        });
      }),
    ...options,
  });
  return { batcher, calls };
}

/** Lets the batcher's own turn (its setImmediate, after any settling) run first. */
const turn = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('SharedBatcher', () => {
  it('sends a lone key after one turn, and keys queued while a call is in flight together in the next', async () => {
    const { batcher, calls } = upstream();
    const a = batcher.load('a');
    await turn();
    expect(calls.map((c) => c.keys)).toEqual([['a']]);
    const rest = ['b', 'c'].map((k) => batcher.load(k));
    await turn();
    expect(calls).toHaveLength(1); // b and c wait for the call in flight
    calls[0]!.release();
    expect(await a).toBe('v:a:1');
    await turn();
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b', 'c']]);
    calls[1]!.release();
    expect(await Promise.all(rest)).toEqual(['v:b:2', 'v:c:2']);
  });

  it('sends a full batch at once, even with a call in flight', async () => {
    const { batcher, calls } = upstream();
    void batcher.load('a');
    await turn();
    void batcher.loadEach(['b', 'c', 'd', 'e']);
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('sends the rest of a large ask after one turn, without waiting for its own full batches', async () => {
    const { batcher, calls } = upstream();
    void batcher.loadEach(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    await turn();
    expect(calls.map((c) => c.keys)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
  });

  it('coalesces a key queued or in flight: one upstream ask, every caller answered', async () => {
    const { batcher, calls } = upstream();
    const first = batcher.load('a');
    const queued = batcher.load('a');
    await turn();
    const joined = batcher.load('a');
    calls[0]!.release();
    expect(await Promise.all([first, queued, joined])).toEqual(['v:a:1', 'v:a:1', 'v:a:1']);
    expect(calls).toHaveLength(1);
  });

  it('with maxBatch 1 only coalesces: each distinct key goes out at once, alone', async () => {
    const { batcher, calls } = upstream({ maxBatch: 1 });
    void batcher.loadEach(['a', 'b', 'a']);
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b']]);
  });

  it('after invalidate, a new load starts a new call; the call in flight keeps its own callers', async () => {
    const { batcher, calls } = upstream();
    const before = batcher.load('a');
    await turn();
    batcher.invalidate('a');
    const after = batcher.load('a');
    calls[0]!.release();
    expect(await before).toBe('v:a:1');
    await turn();
    expect(calls).toHaveLength(2);
    calls[1]!.release();
    expect(await after).toBe('v:a:2');
  });

  it('answers undefined for a key the provider did not return, and keeps errors per call', async () => {
    const { batcher, calls } = upstream({ maxBatch: 1 });
    const results = batcher.loadEach(['a', 'missing', 'b']);
    calls[0]!.release();
    calls[1]!.release();
    calls[2]!.release(new Error('b broke'));
    const [a, missing, b] = await results;
    expect(a).toBe('v:a:3');
    expect(missing).toBeUndefined();
    expect(b).toBeInstanceOf(Error);
    expect((b as Error).message).toBe('b broke');
  });

  it('retries the halves of a failed batch when one key may be at fault, so only that key fails', async () => {
    const bad = new Error('rejected');
    const seen: string[][] = [];
    const batcher = new SharedBatcher<string>({
      maxBatch: 4,
      splitOn: (error) => error === bad,
      fetch: async (keys) => {
        seen.push([...keys]);
        if (keys.includes('poison')) throw bad;
        return new Map(keys.map((k) => [k, k.toUpperCase()]));
      },
    });
    const results = await batcher.loadEach(['a', 'b', 'poison', 'c']);
    expect(results).toEqual(['A', 'B', bad, 'C']);
    expect(seen).toEqual([['a', 'b', 'poison', 'c'], ['a', 'b'], ['poison', 'c'], ['poison'], ['c']]);
  });

  it("a caller's abort rejects only that caller; the shared call answers the others", async () => {
    const { batcher, calls } = upstream();
    const controller = new AbortController();
    const cancelled = batcher.load('a', controller.signal);
    const other = batcher.load('a');
    await turn();
    controller.abort(new Error('client went away'));
    await expect(cancelled).rejects.toThrow('client went away');
    calls[0]!.release();
    expect(await other).toBe('v:a:1');
    expect(calls).toHaveLength(1);
  });

  it('charges each operation every shared call it waited on, up to the calls its keys need alone', async () => {
    const { batcher, calls } = upstream();
    const [a, b] = [new CostMeter(), new CostMeter()];
    const first = metered(b, () => batcher.loadEach(['x']));
    await turn();
    // A's three keys fit one call; x rides on B's call in flight, y and z go in the next.
    const straddling = metered(a, () => batcher.loadEach(['x', 'y', 'z']));
    await turn();
    calls[0]!.release();
    await turn();
    calls[1]!.release();
    await Promise.all([first, straddling]);
    expect(calls.map((c) => c.keys)).toEqual([['x'], ['y', 'z']]);
    expect([a.calls, b.calls]).toEqual([1, 1]);
    // Four keys need two calls alone: two shared calls are both charged.
    const c = new CostMeter();
    const four = metered(c, () => batcher.loadEach(['p', 'q', 'r', 's']));
    await turn();
    for (const call of calls.slice(2)) call.release();
    await turn();
    for (const call of calls.slice(2)) call.release();
    await four;
    expect(c.calls).toBe(2);
  });

  it('asks a maxInFlight function each time: a bound that drops to 1 makes new keys queue for one call', async () => {
    let bound = 2;
    const { batcher, calls } = upstream({ maxInFlight: () => bound });
    void batcher.load('a');
    await turn();
    void batcher.load('b');
    await turn();
    expect(calls).toHaveLength(2);
    bound = 1; // the provider's rate limiter has calls waiting
    void batcher.load('c');
    void batcher.load('d');
    await turn();
    calls[0]!.release();
    await turn();
    expect(calls).toHaveLength(2); // one still in flight: c and d wait
    calls[1]!.release();
    await turn();
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b'], ['c', 'd']]);
  });

  it('lets maxInFlight calls run at once before keys queue', async () => {
    const { batcher, calls } = upstream({ maxInFlight: 2 });
    void batcher.load('a');
    await turn();
    void batcher.load('b');
    await turn();
    void batcher.load('c');
    await turn();
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b']]);
    calls[0]!.release();
    await turn();
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b'], ['c']]);
  });
});
