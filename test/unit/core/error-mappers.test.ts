import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { InputProblems, InvalidInputError, NotConfiguredError, NotFoundError, ProviderError, UnsupportedError } from '../../../src/errors/domain.js';
import { toGraphQLError } from '../../../src/errors/to-graphql.js';
import { toUserErrors } from '../../../src/errors/to-user-errors.js';

/** The two mappers, side by side: one domain error, what a query sees and what a mutation sees. */
describe('domain errors through the two mappers', () => {
  it.each([
    [new InvalidInputError('name must not be empty', { field: ['name'] }), 'BAD_USER_INPUT', { code: 'INVALID', field: ['input', 'name'] }],
    [
      new InvalidInputError('give a file', { field: 'edit.clips.0', reason: 'REQUIRED' }),
      'BAD_USER_INPUT',
      { code: 'REQUIRED', field: ['input', 'edit', 'clips', '0'] },
    ],
    [
      new UnsupportedError('RUNWAY', 'updates', ['id']),
      'UNSUPPORTED_BY_PROVIDER',
      { code: 'UNSUPPORTED_BY_PROVIDER', field: ['input', 'id'], message: 'Runway does not support updates' },
    ],
    [new NotConfiguredError('UPLYNK', ['provider']), 'PROVIDER_NOT_CONFIGURED', { code: 'PROVIDER_NOT_CONFIGURED', field: ['input', 'provider'] }],
    [new NotFoundError('TWELVE_LABS', 'abc'), 'NOT_FOUND', { code: 'NOT_FOUND', field: ['input', 'id'], message: 'Twelve Labs asset "abc" was not found' }],
    [
      new ProviderError('REJECTED', 'VIDEO_JUNGLE', 'POST /x', 'Script not found', { status: 404, field: ['scriptId'] }),
      'PROVIDER_ERROR',
      { code: 'REJECTED_BY_PROVIDER', field: ['input', 'scriptId'] },
    ],
    [
      new ProviderError('REJECTED', 'TWELVE_LABS', 'DELETE /assets/{id}', 'in use', { status: 409 }),
      'PROVIDER_ERROR',
      { code: 'CONFLICT', field: ['input', 'id'] },
    ],
  ])('%s', (error, graphqlCode, userError) => {
    expect(toGraphQLError(error).extensions.code).toBe(graphqlCode);
    // Wrapped by graphql-js (thrown in a resolver) it maps the same.
    expect(toUserErrors(new GraphQLError('x', { originalError: error }), ['id'])).toEqual([expect.objectContaining(userError)]);
  });

  it('keeps outages out of userErrors: they stay GraphQL errors', () => {
    const outage = new ProviderError('UNAVAILABLE', 'UPLYNK', 'POST /api2/asset/get', 'HTTP 503');
    expect(toUserErrors(outage)).toBeUndefined();
    expect(toGraphQLError(outage).extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'UPLYNK' });
    expect(toUserErrors(new Error('bug'))).toBeUndefined();
  });

  it('reports every problem of a failed validation', () => {
    const problems = new InputProblems([new InvalidInputError('a', { field: ['a'] }), new UnsupportedError('RUNWAY', 'updating name', ['name'])]);
    expect(toUserErrors(problems)!.map((e) => [e.code, e.field])).toEqual([
      ['INVALID', ['input', 'a']],
      ['UNSUPPORTED_BY_PROVIDER', ['input', 'name']],
    ]);
  });
});
