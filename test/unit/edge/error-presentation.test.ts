import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/errors/domain.js';
import { toGraphQLError } from '../../../src/errors/to-graphql.js';
import { usePresentedErrors } from '../../../src/plugins/use-presented-errors.js';
import { formatForWire, presentError } from '../../../src/server/error-presentation.js';

describe('presentError', () => {
  it('codes request errors the same way whatever produced them', () => {
    expect(presentError(new GraphQLError('Variable "$id" of required type "ID!" was not provided.')).extensions.code).toBe('BAD_USER_INPUT');
    expect(presentError(new GraphQLError('Variable "$x" got invalid value 5.5; ID cannot represent value: 5.5')).extensions.code).toBe('BAD_USER_INPUT');
    expect(presentError(new GraphQLError('Variable "$id" is not defined.')).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(presentError(new GraphQLError('Syntax Error: Unexpected <EOF>.')).extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const limit = presentError(new GraphQLError('Syntax Error: Token limit of 5000 exceeded.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }));
    expect([limit.message, limit.extensions.code]).toEqual(['Token limit of 5000 exceeded.', 'QUERY_LIMIT_EXCEEDED']);
  });

  it('maps provider errors, and is idempotent', () => {
    const once = presentError(new ProviderError('UNAVAILABLE', 'UPLYNK', 'POST /asset/get', 'HTTP 503'));
    expect(once.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'UPLYNK' });
    expect(presentError(once).toJSON()).toEqual(once.toJSON());
  });

  it('masks the unexpected with the request id, and hands the cause to the logger', () => {
    const causes: unknown[] = [];
    const bug = new TypeError('cannot read x of undefined at /srv/app/src/secret.ts:1:2');
    const masked = presentError(new GraphQLError(bug.message, { originalError: bug, path: ['asset'] }), {
      requestId: 'req-1',
      onUnexpected: (c) => causes.push(c),
    });
    expect(masked.toJSON()).toEqual({ message: 'Unexpected error.', path: ['asset'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' } });
    expect(causes).toEqual([bug]);
    // Presented twice (an error already through toGraphQLError): the cause is still found.
    const again: unknown[] = [];
    presentError(toGraphQLError(bug), { onUnexpected: (c) => again.push(c) });
    expect(again).toEqual([bug]);
  });

  it("drops the parser error yoga's JSON body parser puts in the extensions", () => {
    const parser = new GraphQLError('POST body sent invalid JSON.', {
      extensions: { code: 'BAD_REQUEST', http: { status: 400 }, originalError: { name: 'SyntaxError', message: 'Unexpected end of JSON input' } },
    });
    expect(formatForWire(presentError(parser))).toEqual({ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } });
  });

  it('keeps yoga status hints for its HTTP processor but never sends them', () => {
    const error = presentError(
      new GraphQLError('Cannot query field "x" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400, spec: true } } }),
    );
    expect(error.extensions['http']).toEqual({ status: 400, spec: true });
    expect(formatForWire(error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('usePresentedErrors over HTTP', () => {
  it('gives a resolver bug a request id and logs its cause', async () => {
    const logged: unknown[] = [];
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { boom: String }',
        resolvers: {
          Query: {
            boom: () => {
              throw new RangeError('internal detail');
            },
          },
        },
      }),
      // As src/server/app.ts configures yoga: presentation alone maps and masks.
      maskedErrors: false,
      logging: false,
      plugins: [usePresentedErrors(() => ({ requestId: 'req-42', onUnexpected: (cause) => logged.push(cause) }))],
    });
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ boom }' }),
    });
    const body = await res.json();
    expect(body).toEqual({
      data: { boom: null },
      errors: [
        {
          message: 'Unexpected error.',
          locations: [{ line: 1, column: 3 }],
          path: ['boom'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
        },
      ],
    });
    expect(logged).toHaveLength(1);
    expect((logged[0] as Error).message).toBe('internal detail');
  });
});
