import { describe, expect, it } from 'vitest';
import { ReplayLimitError } from '../../../src/errors/domain.js';
import { toGraphQLError } from '../../../src/errors/to-graphql.js';
import { openChanges, REPLAY_MAX_READS } from '../../../src/live/changes.js';
import type { SubscriptionContext } from '../../../src/live/watch.js';
import type { Change, ChangeFeedPage } from '../../../src/providers/types.js';

/** A change feed with `total` changes one second apart from t=0, `perPage` a read, boundary re-reported as Uplynk does. */
function feed(total: number, perPage: number) {
  const reads: number[] = [];
  const changes: Change[] = Array.from({ length: total }, (_, i) => ({
    provider: 'UPLYNK',
    providerId: `a${i}`,
    action: 'UPDATED',
    at: new Date(i * 1000),
    asset: null,
  }));
  const source = {
    async changesSince(since: Date): Promise<ChangeFeedPage> {
      reads.push(since.getTime());
      const page = changes.filter((c) => c.at >= since).slice(0, perPage);
      return { changes: page, start: since, next: page.at(-1)?.at ?? since };
    },
  };
  const ctx = {
    providers: { get: () => ({ changes: source }), enabled: () => ['UPLYNK'] },
    interest: { add() {}, remove() {} },
    bus: { ready: async () => {} },
    open: new Set(),
  } as unknown as SubscriptionContext;
  return { ctx, reads };
}

async function drain(iterator: AsyncIterator<Change>): Promise<{ changes: Change[]; error: unknown }> {
  const changes: Change[] = [];
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), new Promise<'idle'>((resolve) => setTimeout(() => resolve('idle'), 50))]);
      if (next === 'idle' || next.done) return { changes, error: undefined };
      changes.push(next.value);
    }
  } catch (error) {
    return { changes, error };
  }
}

describe('assetChanges(since): the replay of a change feed', () => {
  it('reads page by page until it catches up, each change once, in order', async () => {
    const { ctx, reads } = feed(250, 100);
    const channel = openChanges(ctx, 'UPLYNK', new Date(0));
    const { changes, error } = await drain(channel);
    await channel.return();
    expect(error).toBeUndefined();
    expect(changes.map((c) => c.providerId)).toEqual(Array.from({ length: 250 }, (_, i) => `a${i}`));
    // Three pages, then the read that brings only the boundary change again.
    expect(reads).toHaveLength(4);
  });

  it(`stops after ${REPLAY_MAX_READS} reads, delivers what they read, then says where to read on`, async () => {
    const { ctx, reads } = feed(5000, 100);
    const { changes, error } = await drain(openChanges(ctx, 'UPLYNK', new Date(0)));
    // The price the cost model puts on the replay is never below what it spends.
    expect(reads).toHaveLength(REPLAY_MAX_READS);
    expect(changes).toHaveLength(REPLAY_MAX_READS * 99 + 1);
    expect(error).toBeInstanceOf(ReplayLimitError);
    const last = changes.at(-1)!.at;
    expect((error as ReplayLimitError).resumeSince).toEqual(last);
    expect(toGraphQLError(error).extensions).toEqual({
      code: 'REPLAY_LIMIT_EXCEEDED',
      provider: 'UPLYNK',
      resumeSince: last.toISOString(),
      maxReads: REPLAY_MAX_READS,
    });
  });
});
