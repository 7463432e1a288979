import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../../src/observability/logger.js';
import { createRequestLogging } from '../../../src/observability/index.js';
import { captureLines } from '../../helpers/capture.js';

function setup() {
  const out = captureLines();
  const logger = createLogger('debug', out);
  const logging = createRequestLogging(logger);
  const yoga = createYoga({
    schema: createSchema<{ log: Logger }>({
      typeDefs: /* GraphQL */ `
        type Query {
          hello(secret: String): String
          missing: String
        }
      `,
      resolvers: {
        Query: {
          hello: (_root, _args, context) => {
            context.log.info({ where: 'resolver' }, 'inside');
            return 'world';
          },
          missing: () => {
            throw new GraphQLError('nope', { extensions: { code: 'NOT_FOUND' } });
          },
        },
      },
    }),
    plugins: [logging.plugin],
    context: ({ request }) => ({ log: logging.loggerFor(request) }),
    logging: false,
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const completed = () => out.records().filter((r) => r['msg'] === 'request completed' || r['msg'] === 'request failed');
  return { out, yoga, post, completed, logging };
}

describe('request logging', () => {
  it('gives each request an id, echoes it, and binds it to the resolvers’ logger', async () => {
    const { out, post, completed } = setup();
    const res = await post(
      { query: 'query Greeting($secret: String) { hello(secret: $secret) }', variables: { secret: 'VARIABLE-VALUE' } },
      { authorization: 'Bearer header-token-value' },
    );
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const inside = out.records().find((r) => r['msg'] === 'inside');
    expect(inside?.['requestId']).toBe(id);
    const [line] = completed();
    expect(line).toMatchObject({
      requestId: id,
      method: 'POST',
      path: '/graphql',
      operationName: 'Greeting',
      operationType: 'query',
      status: 200,
      errors: [],
    });
    expect(typeof line?.['durationMs']).toBe('number');
    // Never variables, query text or headers.
    expect(out.text()).not.toContain('VARIABLE-VALUE');
    expect(out.text()).not.toContain('hello(secret');
    expect(out.text()).not.toContain('header-token-value');
  });

  it('honours a sane incoming x-request-id and replaces an unsafe one', async () => {
    const { post, completed } = setup();
    const kept = await post({ query: '{ hello }' }, { 'x-request-id': 'edge-7f3a:01' });
    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a:01');
    const unsafe = 'has spaces "and" {json}';
    const replaced = await post({ query: '{ hello }' }, { 'x-request-id': unsafe });
    expect(replaced.headers.get('x-request-id')).not.toBe(unsafe);
    const long = await post({ query: '{ hello }' }, { 'x-request-id': 'a'.repeat(300) });
    expect(long.headers.get('x-request-id')).toHaveLength(36);
    expect(completed().map((l) => l['requestId'])).toEqual(['edge-7f3a:01', replaced.headers.get('x-request-id'), long.headers.get('x-request-id')]);
  });

  it('logs the GraphQL error codes, and the path of a GET without its query string', async () => {
    const { yoga, post, completed } = setup();
    await post({ query: 'query Broken { missing }' });
    await post({ query: '{ nope' });
    const get = await yoga.fetch(`http://localhost/graphql?query=${encodeURIComponent('query ViaGet { hello }')}`);
    expect(get.status).toBe(200);
    const [broken, parse, viaGet] = completed();
    expect(broken).toMatchObject({ operationName: 'Broken', errors: ['NOT_FOUND'] });
    expect(parse?.['errors']).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(parse?.['operationName']).toBeNull();
    expect(viaGet).toMatchObject({ method: 'GET', path: '/graphql', operationName: 'ViaGet' });
  });

  it('logs probes at debug and gives a logger to operations without a request', async () => {
    const { out, yoga, logging } = setup();
    const res = await yoga.fetch('http://localhost/health');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const probe = out.records().find((r) => r['path'] === '/health');
    expect(probe?.['level']).toBe(20);
    logging.loggerFor(undefined).info('over a websocket');
    expect(out.records().at(-1)?.['requestId']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
