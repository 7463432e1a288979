import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';
import { rawRequest, sendRaw } from '../../helpers/raw-http.js';

/**
 * GraphQL is served on exactly one path, and every request but the probes and the GraphiQL page
 * needs a caller. Each spelling of the endpoint yoga would also have served (a trailing slash, a
 * prefix, a path that merely ends in /graphql) is tried with every way of sending an operation.
 */

const TOKEN = 'routing-token-7d1e';
let h: Harness;
let uplynkId: string;
beforeAll(async () => {
  h = await startHarness({ env: { API_TOKENS: TOKEN, INTROSPECTION: 'false' }, token: TOKEN });
  [uplynkId] = (await assetIds(h, 'UPLYNK', 1)) as [string];
});
afterAll(() => h.stop());

const SPELLINGS = [
  '/graphql/',
  '//graphql',
  '/x/graphql',
  '/?q=/graphql',
  '/./graphql',
  '/graphql/.',
  '/graphql/..',
  '/a/../graphql',
  '/graphql%2F',
  '/%2Fgraphql',
  '/%67raphql',
  '/GRAPHQL',
  '/Graphql',
  '/graphql;x',
  '/graphql/x',
  '/graphql//',
  '/graphql.json',
  '/api/graphql',
  '/health/graphql',
  '/graphql%00',
  '/graphql%20',
  '/graphql~',
  '/graphiql',
  'http://localhost/graphql/',
  'http://localhost//graphql',
  '/health/',
  '/ready/',
  '/metrics/',
  '/',
];

const json = (body: unknown) => JSON.stringify(body);
const mutation = (id: string) => json({ query: 'mutation($id: ID!) { deleteAssets(input: { ids: [$id] }) { deletedIds } }', variables: { id } });
/** Every way an operation arrives over HTTP: JSON POST, GET, form POST, SSE by POST and by GET. */
const carriers = (path: string, auth: Record<string, string>) => {
  const sep = path.includes('?') ? '&' : '?';
  const host = { host: 'localhost', ...auth };
  return [
    ['POST query', rawRequest('POST', path, { ...host, 'content-type': 'application/json' }, json({ query: '{ __typename }' }))],
    ['POST mutation', rawRequest('POST', path, { ...host, 'content-type': 'application/json' }, mutation(uplynkId))],
    ['GET query', rawRequest('GET', `${path}${sep}query=${encodeURIComponent('{ __typename }')}`, host)],
    ['POST form', rawRequest('POST', path, { ...host, 'content-type': 'application/x-www-form-urlencoded' }, `query=${encodeURIComponent('{ __typename }')}`)],
    [
      'SSE POST',
      rawRequest(
        'POST',
        path,
        { ...host, 'content-type': 'application/json', accept: 'text/event-stream' },
        json({ query: 'subscription { assetChanges { at } }' }),
      ),
    ],
    [
      'SSE GET',
      rawRequest('GET', `${path}${sep}query=${encodeURIComponent('subscription { assetChanges { at } }')}`, { ...host, accept: 'text/event-stream' }),
    ],
  ] as const;
};

describe('one canonical path', () => {
  it.each(SPELLINGS)('%s is a 404 for every carrier, with or without a token, and nothing executes', async (path) => {
    const calls = () => Object.values(h.sandbox.servers).reduce((n, server) => n + server.calls(), 0);
    const before = calls();
    for (const auth of [{}, { authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      for (const [carrier, bytes] of carriers(path, auth)) {
        const res = await sendRaw(h.url, bytes);
        expect([carrier, res.status], res.raw.slice(0, 300)).toEqual([carrier, 404]);
        expect(JSON.parse(res.body)).toEqual({ errors: [{ message: expect.stringContaining('/graphql'), extensions: { code: 'NOT_FOUND' } }] });
        expect(res.headers['x-request-id']).toMatch(/^[\w-]+$/);
      }
    }
    // The deleteAssets above never reached a provider, nor did any read.
    expect(calls()).toBe(before);
    expect((await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: uplynkId })).data!.asset).toEqual({ id: uplynkId });
  });

  it.each(['/graphql', '/graphql?', 'http://localhost/graphql', 'http://localhost:80/graphql'])('%s needs a token for every carrier', async (path) => {
    for (const [carrier, bytes] of carriers(path, {})) {
      const res = await sendRaw(h.url, bytes);
      expect([carrier, res.status]).toEqual([carrier, 401]);
      expect(JSON.parse(res.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const ok = await sendRaw(h.url, carriers(path, { authorization: `Bearer ${TOKEN}` })[0][1]);
    expect([ok.status, JSON.parse(ok.body)]).toEqual([
      200,
      { data: { __typename: 'Query' }, extensions: { cost: expect.objectContaining({ requestedQueryCost: 0 }) } },
    ]);
  });

  it('upgrades websockets on /graphql only', async () => {
    const handshake = (path: string) =>
      rawRequest('GET', path, {
        host: 'localhost',
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-protocol': 'graphql-transport-ws',
      });
    expect((await sendRaw(h.url, handshake('/graphql'))).status).toBe(101);
    for (const path of SPELLINGS) {
      const res = await sendRaw(h.url, handshake(path));
      expect([path, res.status]).toEqual([path, 404]);
      expect(JSON.parse(res.body).errors[0].extensions.code).toBe('NOT_FOUND');
    }
    // A handshake ws itself refuses is answered in the same coded form.
    const badKey = await sendRaw(
      h.url,
      rawRequest('GET', '/graphql', {
        host: 'localhost',
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'short',
      }),
    );
    expect([badKey.status, JSON.parse(badKey.body).errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
  });
});

describe('the caller check is an allow-list', () => {
  it('leaves the probes, the metrics scrape and the GraphiQL page open', async () => {
    for (const path of ['/health', '/ready', '/metrics']) expect([path, (await fetch(`${h.url}${path}`)).status]).toEqual([path, 200]);
    const page = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('never executes an operation for a browser without a token: it gets the page or a 401', async () => {
    for (const search of [`query=${encodeURIComponent('{ __typename }')}`, `extensions=${encodeURIComponent('{}')}`]) {
      for (const accept of ['text/html, application/json', 'application/json, text/html;q=0.1']) {
        const res = await fetch(`${h.url}/graphql?${search}`, { headers: { accept } });
        const body = await res.text();
        expect(res.status === 401 || res.headers.get('content-type')!.includes('text/html'), `${res.status} ${body.slice(0, 100)}`).toBe(true);
        expect(body).not.toContain('"__typename":"Query"');
      }
    }
  });
});
