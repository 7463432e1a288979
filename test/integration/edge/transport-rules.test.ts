import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { runOver, TRANSPORTS } from '../../helpers/transports.js';

/**
 * Every rule at the edge holds the same on HTTP, SSE and graphql-ws: the same operation is refused
 * with the same code and message on each, and reaches no provider. (CSRF prevention applies to
 * multipart HTTP only, the one form a hostile page can send with a user's cookies; websockets and SSE
 * carry the caller's token in a header or connection_init, which a cross-site page cannot forge.)
 */

const TOKEN = 'rules-token-5b2c';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { API_TOKENS: TOKEN, INTROSPECTION: 'false', MAX_QUERY_COST: '10' }, token: TOKEN });
});
afterAll(() => h.stop());

const upstreamCalls = () => Object.values(h.sandbox.servers).reduce((n, server) => n + server.calls(), 0);
/** projects → assets → project → assets … : 4 levels per round. */
const deep = (rounds: number) => `{ projects { nodes { ${'assets { nodes { project { '.repeat(rounds)}id${' } } }'.repeat(rounds)} } } }`;

const RULES: [rule: string, query: string, code: string, message: RegExp][] = [
  ['introspection (__schema)', '{ __schema { queryType { name } } }', 'GRAPHQL_VALIDATION_FAILED', /introspection has been disabled/],
  ['introspection (__type)', '{ __type(name: "Asset") { name } }', 'GRAPHQL_VALIDATION_FAILED', /introspection has been disabled/],
  ['depth', deep(5), 'QUERY_LIMIT_EXCEEDED', /depth/i],
  ['aliases', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: providers { provider }`).join(' ')} }`, 'QUERY_LIMIT_EXCEEDED', /aliases/i],
  ['tokens', `{ ${'__typename '.repeat(5001)} }`, 'QUERY_LIMIT_EXCEEDED', /^Token limit/],
  ['directives', `{ providers { provider ${'@include(if: true) '.repeat(51)} } }`, 'QUERY_LIMIT_EXCEEDED', /directives/i],
  [
    'cost',
    `{ ${Array.from({ length: 12 }, (_, i) => `p${i}: projects { nodes { assets { nodes { id name status url } } } }`).join(' ')} }`,
    'MAX_COST_EXCEEDED',
    /cost 12 upstream calls/,
  ],
];

describe('each rule, on each transport', () => {
  it.each(RULES)('%s: the same refusal everywhere, and no upstream call', async (_rule, query, code, message) => {
    const before = upstreamCalls();
    const outcomes = await Promise.all(TRANSPORTS.map((t) => runOver(t, h.url, query, undefined, { token: TOKEN })));
    for (const [i, outcome] of outcomes.entries()) {
      expect(
        outcome.data.filter((d) => d !== null),
        TRANSPORTS[i],
      ).toEqual([]);
      expect(outcome.errors.length, TRANSPORTS[i]).toBeGreaterThan(0);
      expect(outcome.errors[0]!.extensions?.code, TRANSPORTS[i]).toBe(code);
      expect(outcome.errors[0]!.message, TRANSPORTS[i]).toMatch(message);
    }
    const [http, sse, ws] = outcomes.map((o) => o.errors);
    expect(sse).toEqual(http);
    expect(ws).toEqual(http);
    expect(upstreamCalls()).toBe(before);
  });

  it('__typename stays allowed without introspection', async () => {
    for (const t of TRANSPORTS) expect((await runOver(t, h.url, '{ __typename }', undefined, { token: TOKEN })).data, t).toEqual([{ __typename: 'Query' }]);
  });

  it('auth: no token or a wrong one is refused on every transport', async () => {
    for (const token of [undefined, 'wrong']) {
      const [http, sse, ws] = await Promise.all(TRANSPORTS.map((t) => runOver(t, h.url, '{ __typename }', undefined, { token })));
      expect([http!.status, http!.errors[0]!.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
      expect([sse!.status, sse!.errors[0]!.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
      expect(ws!.closeCode).toBe(4403);
    }
  });

  it('batching: at most 10 over HTTP, no subscription in a batch, and no batches at all over graphql-ws', async () => {
    const post = (body: unknown, accept = 'application/json') =>
      fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(body),
      });
    const tooMany = await post(Array.from({ length: 11 }, () => ({ query: '{ __typename }' })));
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).errors[0]).toMatchObject({
      message: expect.stringMatching(/batching is limited to 10/i),
      extensions: { code: 'BAD_REQUEST' },
    });
    const withSubscription = await post([{ query: '{ __typename }' }, { query: 'subscription { assetChanges { at } }' }]);
    expect((await withSubscription.json())[1].errors[0].extensions.code).toBe('BAD_REQUEST');
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await once(ws, 'open');
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKEN}` } }));
    await once(ws, 'message');
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: [{ query: '{ __typename }' }, { query: '{ __typename }' }] }));
    expect((await once(ws, 'close'))[0]).toBe(4400);
  });
});
