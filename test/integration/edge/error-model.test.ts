import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../../src/observability/logger.js';
import { captureLines } from '../../helpers/capture.js';
import { globalId, postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';
import { runOver, TRANSPORTS } from '../../helpers/transports.js';

/**
 * One error model: the same input gets the same errors (message, code, path, locations) over HTTP,
 * SSE and graphql-ws, without the server's internal extensions, and every refusal is logged with its
 * code, on HTTP as on websockets.
 */

const TOKEN = 'errors-token-9f3a';
const logs = captureLines();
let h: Harness;
beforeAll(async () => {
  // Runway is left disabled, for PROVIDER_NOT_CONFIGURED.
  h = await startHarness({
    env: { API_TOKENS: TOKEN },
    token: TOKEN,
    enable: ['UPLYNK', 'TWELVE_LABS', 'VIDEO_JUNGLE'],
    logger: createLogger('info', logs),
  });
});
afterAll(() => h.stop());

const INPUTS: [what: string, query: string, variables: Record<string, unknown> | undefined, code: string][] = [
  ['a missing variable', 'query($id: ID!) { node(id: $id) { id } }', undefined, 'BAD_USER_INPUT'],
  ['a variable of the wrong type', 'query($id: ID!) { node(id: $id) { id } }', { id: 5.5 }, 'BAD_USER_INPUT'],
  ['a variable set to null', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [null] }, 'BAD_USER_INPUT'],
  ['an undefined variable', '{ node(id: $id) { id } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
  ['an unknown field', '{ nope }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
  ['a wrong argument type', '{ assets(first: "ten") { totalCount } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
  ['a syntax error', '{ node(id: ', undefined, 'GRAPHQL_PARSE_FAILED'],
  ['an empty document', '', undefined, 'GRAPHQL_PARSE_FAILED'],
  ['a malformed global id', '{ node(id: "not-an-id") { id } }', undefined, 'BAD_USER_INPUT'],
  ['an id that does not exist', `{ node(id: "${globalId('UplynkAsset', 'ffffffffffffffffffffffffffffffff')}") { id } }`, undefined, 'NOT_FOUND'],
  ['a page size out of range', '{ assets(provider: UPLYNK, first: 500) { totalCount } }', undefined, 'BAD_USER_INPUT'],
  ['a provider without credentials', '{ assets(provider: RUNWAY, first: 1) { totalCount } }', undefined, 'PROVIDER_NOT_CONFIGURED'],
  ['a limit', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: providers { provider }`).join(' ')} }`, undefined, 'QUERY_LIMIT_EXCEEDED'],
];

describe('the same input, the same errors, on every transport', () => {
  it.each(INPUTS)('%s', async (_what, query, variables, code) => {
    const [http, sse, ws] = await Promise.all(TRANSPORTS.map((t) => runOver(t, h.url, query, variables, { token: TOKEN })));
    expect(http!.errors.length).toBeGreaterThan(0);
    expect(http!.errors[0]!.extensions?.code).toBe(code);
    expect(sse!.errors).toEqual(http!.errors);
    expect(ws!.errors).toEqual(http!.errors);
    for (const outcome of [http, sse, ws]) {
      for (const error of outcome!.errors) expect(Object.keys(error.extensions ?? {})).not.toContain('http');
    }
  });
});

describe('an unexpected failure is masked on every transport', () => {
  it('answers "Unexpected error." with INTERNAL_SERVER_ERROR and the request id, and nothing of the cause', async () => {
    const reads = h.app.providers.reads('TWELVE_LABS');
    const secret = 'sk-live-unexpected-4d1c';
    const spy = vi.spyOn(reads, 'getEach').mockRejectedValue(new TypeError(`cannot read ${secret} of undefined`));
    try {
      const query = `{ node(id: "${globalId('TwelveLabsAsset', '0123456789abcdef01234567')}") { id } }`;
      const outcomes = await Promise.all(TRANSPORTS.map((t) => runOver(t, h.url, query, undefined, { token: TOKEN })));
      for (const outcome of outcomes) {
        expect(outcome.errors).toEqual([
          {
            message: 'Unexpected error.',
            path: ['node'],
            locations: [{ line: 1, column: 3 }],
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
          },
        ]);
        expect(JSON.stringify(outcome)).not.toContain(secret);
      }
      expect(spy).toHaveBeenCalledTimes(TRANSPORTS.length);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('every refusal is logged with its code', () => {
  const recordOf = (requestId: string, msg: string) => logs.records().find((r) => r['requestId'] === requestId && r['msg'] === msg);

  it('over HTTP: validation and variable errors, and a refused token', async () => {
    const cases = [
      ['log-validation', '{ nope }', { authorization: `Bearer ${TOKEN}` }, 'GRAPHQL_VALIDATION_FAILED'],
      ['log-variable', 'query($id: ID!) { node(id: $id) { id } }', { authorization: `Bearer ${TOKEN}` }, 'BAD_USER_INPUT'],
      ['log-token', '{ __typename }', { authorization: 'Bearer nope' }, 'UNAUTHENTICATED'],
    ] as const;
    for (const [requestId, query, headers, code] of cases) {
      await postGraphQL(`${h.url}/graphql`, query, undefined, { ...headers, 'x-request-id': requestId });
      expect(recordOf(requestId, 'request completed'), requestId).toMatchObject({ errors: [code] });
    }
  });

  it('over websockets: the connection, each operation with its codes, a refused token with 4403', async () => {
    const socket = (requestId: string) =>
      new WebSocket(`${h.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: { 'x-request-id': requestId } });
    const ws = socket('ws-log-1');
    await once(ws, 'open');
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKEN}` } }));
    await once(ws, 'message');
    const answered = (id: string) =>
      new Promise<void>((resolve) =>
        ws.on('message', (data) => JSON.parse(String(data)).id === id && ['complete', 'error'].includes(JSON.parse(String(data)).type) && resolve()),
      );
    for (const [id, query] of [
      ['bad', '{ nope }'],
      ['missing', '{ node(id: "not-an-id") { id } }'],
      ['fine', 'query Fine { __typename }'],
    ] as const) {
      const done = answered(id);
      ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
      await done;
    }
    ws.close(1000);
    await once(ws, 'close');
    await expect.poll(() => recordOf('ws-log-1', 'websocket closed')).toMatchObject({ code: 1000, acknowledged: true, operations: 2, transport: 'ws' });
    expect(recordOf('ws-log-1', 'websocket connected')).toBeDefined();
    expect(recordOf('ws-log-1', 'operation refused')).toMatchObject({ operationId: 'bad', errors: ['GRAPHQL_VALIDATION_FAILED'] });
    const completed = logs.records().filter((r) => r['requestId'] === 'ws-log-1' && r['msg'] === 'operation completed');
    expect(completed).toEqual([
      expect.objectContaining({ operationId: 'missing', operationType: 'query', errors: ['BAD_USER_INPUT'] }),
      expect.objectContaining({ operationId: 'fine', operationName: 'Fine', operationType: 'query', errors: [] }),
    ]);

    const refused = socket('ws-log-2');
    await once(refused, 'open');
    refused.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer nope' } }));
    expect((await once(refused, 'close'))[0]).toBe(4403);
    await expect.poll(() => recordOf('ws-log-2', 'websocket closed')).toMatchObject({ code: 4403, acknowledged: false, level: 40 });
    // Nothing the client sent in connection_init is logged.
    expect(logs.text()).not.toContain('Bearer nope');
  });
});
