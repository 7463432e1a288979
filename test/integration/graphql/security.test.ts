import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';
import { collect, wsClient } from '../../helpers/ws.js';

const TOKEN = 'caller-token-3f9a1c';
let h: Harness;
let endpoint: string;
beforeAll(async () => {
  h = await startHarness({ env: { API_TOKENS: `other-token,${TOKEN}` }, token: TOKEN });
  endpoint = `${h.url}/graphql`;
});
afterAll(() => h.stop());

const auth = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
const codeOf = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;

describe('who may call', () => {
  it('rejects HTTP without a token and with a wrong one (401 UNAUTHENTICATED), accepts a right one', async () => {
    const none = await postGraphQL(endpoint, '{ __typename }');
    expect(none.status).toBe(401);
    expect(codeOf(none)).toBe('UNAUTHENTICATED');
    const wrong = await postGraphQL(endpoint, '{ __typename }', undefined, auth('nope'));
    expect([wrong.status, codeOf(wrong)]).toEqual([401, 'UNAUTHENTICATED']);
    const right = await postGraphQL(endpoint, '{ __typename }', undefined, auth());
    expect(right.data).toEqual({ __typename: 'Query' });
  });

  it('rejects SSE without a token', async () => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { assetChanges { at } }' }),
    });
    expect(res.status).toBe(401);
  });

  it('closes a websocket with 4403 without a valid token in connection_init, and serves one with it', async () => {
    for (const payload of [{}, { authorization: 'Bearer nope' }]) {
      const ws = new WebSocket(`${h.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      await once(ws, 'open');
      ws.send(JSON.stringify({ type: 'connection_init', payload }));
      expect((await once(ws, 'close'))[0]).toBe(4403);
    }
    const client = wsClient(h.url, auth());
    const runway = await h.gql(`{ assets(provider: RUNWAY, first: 1) { nodes { id } } }`);
    const events = await collect(client, `subscription($ids: [ID!]!) { assetStatusChanged(ids: $ids) { status } }`, {
      ids: [runway.data!.assets.nodes[0].id],
    }).done;
    await client.dispose();
    expect(events[0]!.data.assetStatusChanged.status).toBe('READY');
  });

  it('leaves the probes and the GraphiQL page open', async () => {
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
    expect((await fetch(endpoint, { headers: { accept: 'text/html' } })).status).toBe(200);
  });
});

describe('query limits (graphql-armor), over HTTP and websockets', () => {
  /** projects → assets → project → assets … : 4 levels per round. */
  const deep = (rounds: number) => `{ projects { nodes { ${'assets { nodes { project { '.repeat(rounds)}id${' } } }'.repeat(rounds)} } } }`;
  it.each([
    ['depth', deep(5), /depth/i],
    ['aliases', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: providers { name }`).join(' ')} }`, /aliases/i],
    ['tokens', `{ ${'__typename '.repeat(5001)} }`, /token/i],
    ['directives', `{ providers { name ${'@include(if: true) '.repeat(51)} } }`, /directives/i],
  ])('refuses a query over the %s limit with a clear error', async (_limit, query, message) => {
    const res = await h.gql(query);
    expect(res.status).toBeLessThan(500);
    expect(res.data ?? null).toBeNull();
    expect(res.errors![0]!.message).toMatch(message);
    expect(codeOf(res)).toBe('QUERY_LIMIT_EXCEEDED');
  });

  it('applies the same limits to websocket operations', async () => {
    const client = wsClient(h.url, auth());
    const query = `subscription { assetChanges { ${Array.from({ length: 31 }, (_, i) => `a${i}: at`).join(' ')} } }`;
    const outcome = await collect(client, query).done.then(
      (events) => events[0]?.errors,
      (errors: unknown) => errors,
    );
    await client.dispose();
    expect(JSON.stringify(outcome)).toMatch(/aliases/i);
    expect(JSON.stringify(outcome)).toContain('QUERY_LIMIT_EXCEEDED');
  });

  it('limits request batching to 10 operations', async () => {
    const batch = Array.from({ length: 11 }, () => ({ query: '{ __typename }' }));
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...auth() }, body: JSON.stringify(batch) });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(JSON.stringify(body)).toMatch(/batch/i);
  });

  it('refuses a multipart request without a preflight header (CSRF prevention)', async () => {
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({ query: 'mutation($f: File!) { uploadAsset(input: { provider: RUNWAY, file: $f }) { userErrors { code } } }', variables: { f: null } }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new File(['x'], 'x.png', { type: 'image/png' }));
    const res = await fetch(endpoint, { method: 'POST', body: form, headers: auth() });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('CSRF_PREVENTION');
  });
});

describe('introspection switch', () => {
  it('is refused when INTROSPECTION=false', async () => {
    const closed = await startHarness({ env: { INTROSPECTION: 'false' } });
    try {
      const res = await closed.gql(`{ __schema { queryType { name } } }`);
      expect(res.errors![0]!.message).toMatch(/introspection/i);
      expect((await closed.gql(`{ providers { provider } }`)).errors).toBeUndefined();
    } finally {
      await closed.stop();
    }
  });
});
