import { describe, expect, it } from 'vitest';
import { mergeNewestFirst } from '../../../resolvers/merge.js';
import { decodeCursor } from '../../../resolvers/paging.js';
import { InvalidInputError, ProviderError } from '../../../src/errors/domain.js';
import { toGraphQLError } from '../../../src/errors/to-graphql.js';
import type { Asset, ProviderName } from '../../../src/providers/types.js';

const at = (provider: ProviderName, providerId: string, iso: string) => ({ provider, providerId, createdAt: new Date(iso) }) as Asset;

describe('mergeNewestFirst', () => {
  it('interleaves providers by createdAt and records per-provider offsets in each cursor', () => {
    const result = mergeNewestFirst(
      [
        {
          provider: 'UPLYNK',
          page: { items: [at('UPLYNK', 'u1', '2026-03-01T00:00:00Z'), at('UPLYNK', 'u2', '2026-01-01T00:00:00Z')], hasNextPage: true, totalCount: null },
        },
        { provider: 'RUNWAY', page: { items: [at('RUNWAY', 'r1', '2026-02-01T00:00:00Z')], hasNextPage: false, totalCount: null } },
        { provider: 'TWELVE_LABS', error: new ProviderError('UNAVAILABLE', 'TWELVE_LABS', 'GET /assets', 'down') },
      ],
      { UPLYNK: 10, RUNWAY: 0, TWELVE_LABS: 5 },
      2,
    );
    expect(result.edges.map((e) => e.node.providerId)).toEqual(['u1', 'r1']);
    expect(decodeCursor(result.edges[1]!.cursor, ['UPLYNK', 'RUNWAY', 'TWELVE_LABS'])).toEqual({ UPLYNK: 11, RUNWAY: 1, TWELVE_LABS: 5 });
    expect(result.hasNextPage).toBe(true);
    expect(result.incomplete).toEqual([{ provider: 'TWELVE_LABS', code: 'PROVIDER_UNAVAILABLE', message: expect.any(String) }]);
    expect(result.totalCount).toBeNull();
  });
});

describe('toGraphQLError', () => {
  it('maps provider errors to stable codes', () => {
    const limited = toGraphQLError(new ProviderError('RATE_LIMITED', 'RUNWAY', 'GET /assets/', 'slow down', { retryAfterMs: 10_000 }));
    expect(limited.extensions).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterSeconds: 10, provider: 'RUNWAY' });
    expect(toGraphQLError(new ProviderError('NOT_FOUND', 'UPLYNK', 'x', 'gone')).extensions.code).toBe('NOT_FOUND');
    expect(toGraphQLError(new ProviderError('UNAUTHORIZED', 'UPLYNK', 'x', 'bad sig')).message).not.toMatch(/sig/);
  });

  it('keeps coded errors and masks everything else', () => {
    expect(toGraphQLError(new InvalidInputError('nope')).extensions.code).toBe('BAD_USER_INPUT');
    const masked = toGraphQLError(new Error('connect to postgres://user:password@db failed'));
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
