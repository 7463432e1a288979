import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors/domain.js';
import { ProviderRegistry } from '../../../src/providers/registry.js';
import type { Asset, Change } from '../../../src/providers/types.js';
import { createLiveEngine } from '../../../src/live/index.js';
import { drain, iterate, POLL_MS, startLive, take, useLive } from './harness.js';

const { sandbox, live } = useLive();

/** Legacy Twelve Labs assets stay `waiting` (PROCESSING) for ever: only a publish can move them. */
const waiting = () => sandbox.stores.TWELVE_LABS.idsWithInitialStatus('waiting');

async function failure(iterator: AsyncIterator<unknown>): Promise<DomainError> {
  try {
    await iterator.next();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the iterator to fail');
}

describe('live engine', () => {
  it('fails a watch with NOT_FOUND before yielding anything, and leaves nothing watched', async () => {
    const known = sandbox.stores.TWELVE_LABS.ids()[0]!;
    const watch = iterate(
      live.engine.watch([
        { provider: 'TWELVE_LABS', id: known },
        { provider: 'TWELVE_LABS', id: '000000000000000000000000' },
      ]),
    );
    const error = await failure(watch);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('000000000000000000000000');
    expect(await watch.next()).toEqual({ done: true, value: undefined });
    expect(live.engine.stats()).toMatchObject({ watchedAssets: 0, subscribers: 0 });
  });

  it('fails a watch of a provider that is not configured with PROVIDER_NOT_CONFIGURED', async () => {
    const providers = ProviderRegistry.create(
      { TWELVE_LABS: sandbox.providers.TWELVE_LABS },
      { upstream: { timeoutMs: 2000, retries: 1, maxRetryAfterMs: 5000, concurrency: 8 }, sandbox: true },
    );
    const engine = createLiveEngine({ providers, pollIntervalMs: POLL_MS });
    try {
      const error = await failure(iterate(engine.watch([{ provider: 'UPLYNK', id: 'x' }])));
      expect(error.code).toBe('PROVIDER_NOT_CONFIGURED');
    } finally {
      await engine.close();
      await providers.close();
    }
  });

  it('yields a Runway asset once, READY, and completes; duplicate keys count once', async () => {
    const id = sandbox.stores.RUNWAY.listed()[0]!.assetId;
    const key = { provider: 'RUNWAY' as const, id };
    const seen = await drain(iterate(live.engine.watch([key, key])));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ provider: 'RUNWAY', providerId: id, status: 'READY' });
    expect(live.engine.stats().polling).not.toContain('RUNWAY');
  });

  it('delivers a published mutation at once, to watchers and to change subscribers', async () => {
    const [a, b] = waiting();
    const watch = iterate(
      live.engine.watch([
        { provider: 'TWELVE_LABS', id: a! },
        { provider: 'TWELVE_LABS', id: b! },
      ]),
    );
    const first = (await take(watch, 2)) as Asset[];
    expect(first.map((x) => x.status)).toEqual(['PROCESSING', 'PROCESSING']);
    const changes = iterate(live.engine.changes('TWELVE_LABS', undefined));

    await live.engine.publish({ ...first[0]!, status: 'FAILED' });
    expect((await take(watch, 1))[0]).toMatchObject({ providerId: a, status: 'FAILED' });
    await live.engine.publishDeleted('TWELVE_LABS', b!);
    expect((await take(watch, 1))[0]).toMatchObject({ providerId: b, status: 'DELETED', name: first[1]!.name });
    expect(await watch.next()).toEqual({ done: true, value: undefined });

    const seen = (await take(changes, 2)) as Change[];
    expect(seen.map((c) => [c.providerId, c.action])).toEqual([
      [a, 'UPDATED'],
      [b, 'DELETED'],
    ]);
    await changes.return!();
  });

  it('reports the transitions its poller observes as changes', async () => {
    sandbox.stores.TWELVE_LABS.uploadDelayMs = 400;
    const asset = await live.providers.get('TWELVE_LABS').writer!.upload!({
      filename: 'observed.mp4',
      url: 'https://media.example/observed.mp4',
    });
    const changes = iterate(live.engine.changes(undefined, undefined));
    const watch = iterate(live.engine.watch([{ provider: 'TWELVE_LABS', id: asset.providerId }]));
    expect((await drain(watch)).map((x) => x.status)).toEqual(['PROCESSING', 'READY']);
    const [change] = (await take(changes, 1)) as Change[];
    expect(change).toMatchObject({ provider: 'TWELVE_LABS', providerId: asset.providerId, action: 'UPDATED' });
    expect(change!.asset?.status).toBe('READY');
    await changes.return!();
  });

  it('ends a watch when its signal aborts, and stops watching the asset', async () => {
    const controller = new AbortController();
    const watch = iterate(live.engine.watch([{ provider: 'TWELVE_LABS', id: waiting()[0]! }], controller.signal));
    await take(watch, 1);
    expect(live.engine.stats()).toMatchObject({ watchedAssets: 1, subscribers: 1 });
    const pending = watch.next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(live.engine.stats()).toMatchObject({ watchedAssets: 0, subscribers: 0 });
  });

  it('ends every open iterator on close()', async () => {
    const other = startLive(sandbox);
    const watch = iterate(other.engine.watch([{ provider: 'TWELVE_LABS', id: waiting()[0]! }]));
    const changes = iterate(other.engine.changes(undefined, undefined));
    await take(watch, 1);
    const pending = [watch.next(), changes.next()];
    await other.stop();
    expect(await Promise.all(pending)).toEqual([
      { done: true, value: undefined },
      { done: true, value: undefined },
    ]);
    expect(await iterate(other.engine.watch([{ provider: 'TWELVE_LABS', id: 'x' }])).next()).toEqual({
      done: true,
      value: undefined,
    });
  });
});
