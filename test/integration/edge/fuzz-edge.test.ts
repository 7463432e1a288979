import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../../src/observability/logger.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { captureLines } from '../../helpers/capture.js';
import { errorProblems, leaksIn, responseProblems, Rng, secretScanner, seedOf, UNICODE, ASCII } from '../../helpers/fuzz.js';
import { postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';
import { rawRequest, sendRaw } from '../../helpers/raw-http.js';

/**
 * Fuzz of the edge itself, below GraphQL: generated path spellings, Host headers, request targets and
 * HTTP framing sent as raw bytes, and hostile websocket traffic. The rules: never a 5xx from input
 * alone; every answer a coded JSON error (or a real result); no stack, internal path or secret in any
 * response or log line; a path that is not one of the routes never executes anything; the server still
 * answers after every category; the heap returns to where it was.
 */

const TOKEN = 'edge-fuzz-3e8d1f0a7b';
const SECRETS = [
  TOKEN,
  SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey,
  SANDBOX_CREDENTIALS.UPLYNK.apiKey,
  SANDBOX_CREDENTIALS.TWELVE_LABS.apiKey,
  SANDBOX_CREDENTIALS.RUNWAY.token,
];
const secrets = secretScanner(SECRETS);
const CONCURRENCY = 16;

interface EdgeCase {
  label: string;
  bytes: string | Buffer;
  /** The path is not a route: the answer must be 404 and nothing may run. */
  notARoute?: boolean;
}

// ---------------------------------------------------------------------------------------------------
// HTTP cases

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE'];
const PREFIXES = ['', '/', '//', '/x', '/.', '/..', '/%2e', '/graphql', '/health', '/a/b/..'];
const CORES = [
  'graphql',
  'GRAPHQL',
  'Graphql',
  '%67raphql',
  'graph%71l',
  'graphql%2f',
  'graphql%00',
  'graphql;',
  'graphql.',
  'graphql~',
  'graphiql',
  'health',
  'ready',
  'metrics',
  'graphql.json',
];
const SUFFIXES = ['', '/', '//', '/.', '/..', '?', '?q=/graphql', ';a=b', '%20', '/x', '%2F', '/?query={__typename}'];
const ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);
const body = JSON.stringify({ query: 'mutation { deleteAssets(input: { ids: ["VXBseW5rQXNzZXQ6ZmZmZg=="] }) { deletedIds } }' });

function pathCases(rng: Rng, n: number): EdgeCase[] {
  const cases: EdgeCase[] = [];
  while (cases.length < n) {
    const path = `${rng.pick(PREFIXES)}/${rng.pick(CORES)}${rng.pick(SUFFIXES)}`.replace(/^\/\/(?!\/)/, rng.chance(0.5) ? '/' : '//');
    const pathname = path.split('?')[0]!;
    if (ROUTES.has(pathname)) continue;
    const method = rng.pick(METHODS);
    const auth = rng.pick<Record<string, string>>([{}, { authorization: `Bearer ${TOKEN}` }, { authorization: 'Bearer wrong' }]);
    const accept = rng.pick(['application/json', 'text/event-stream', 'text/html', '*/*']);
    const headers = { host: 'localhost', accept, ...auth, ...(method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'application/json' }) };
    cases.push({
      label: `${method} ${path}`,
      bytes: rawRequest(method, path, headers, method === 'GET' || method === 'HEAD' ? undefined : body),
      notARoute: true,
    });
  }
  return cases;
}

function hostCases(rng: Rng, n: number): EdgeCase[] {
  const fixed = [
    'a b',
    '[::1',
    'host:99999',
    'host:-1',
    'h:80:80',
    '[::1]x',
    'user@h',
    'h/x',
    'h\\x',
    '%',
    '%zz',
    '..',
    '[]',
    '[::g]',
    'a'.repeat(300),
    'h:0x50',
    ' h',
    'h ',
    '',
    '\t',
  ];
  const cases: EdgeCase[] = fixed.map((host) => ({ label: `Host ${JSON.stringify(host)}`, bytes: rawRequest('GET', '/health', { host }) }));
  while (cases.length < n) {
    const host = rng.chance(0.5) ? rng.string(rng.int(1, 40), [...ASCII, ':', '[', ']', '@']) : rng.string(rng.int(1, 10), UNICODE);
    // Node refuses CR, LF and NUL in a header itself; the rest reach the edge.
    const safe = host.replace(/[\r\n\0]/g, '');
    const method = rng.pick(['GET', 'POST']);
    cases.push({
      label: `Host ${JSON.stringify(safe)}`,
      bytes: rawRequest(
        method,
        rng.pick(['/graphql', '/health', '/nowhere']),
        { host: safe, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        method === 'POST' ? '{"query":"{ __typename }"}' : undefined,
      ),
    });
  }
  return cases;
}

function targetCases(rng: Rng, n: number): EdgeCase[] {
  const fixed = [
    '*',
    'graphql',
    'h:443',
    'http://',
    'http://h',
    'https://h:99999/graphql',
    'ftp://h/graphql',
    'HTTP://H/GRAPHQL',
    'http://a b/',
    'http://[::1/graphql',
    '/?',
    '/#x',
    `/${'a'.repeat(8000)}`,
    `/graphql?${'q='.repeat(3000)}`,
    '/%',
    '/%%',
    '/\u00e9',
    'javascript:alert(1)',
    '//',
    '/../../etc/passwd',
  ];
  const cases: EdgeCase[] = fixed.flatMap((target) =>
    METHODS.slice(0, 3).map((method) => ({
      label: `${method} ${JSON.stringify(target.slice(0, 60))}`,
      bytes: rawRequest(method, target, { host: 'localhost' }),
    })),
  );
  while (cases.length < n) {
    const target =
      rng.pick(['', '/', 'http://x/', '*', 'https://']) +
      rng.string(
        rng.int(0, 30),
        ASCII.filter((c) => c !== ' '),
      );
    cases.push({
      label: `GET ${JSON.stringify(target)}`,
      bytes: rawRequest(rng.pick(METHODS), target, { host: 'localhost', authorization: `Bearer ${TOKEN}` }),
    });
  }
  return cases;
}

function framingCases(rng: Rng, n: number): EdgeCase[] {
  const post = (head: string, rest: string) =>
    `POST /graphql HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${TOKEN}\r\ncontent-type: application/json\r\n${head}\r\n${rest}`;
  const doc = '{"query":"{ __typename }"}';
  const fixed: [string, string | Buffer][] = [
    ['chunk size not hex', post('transfer-encoding: chunked\r\n', `zz\r\n${doc}\r\n0\r\n\r\n`)],
    ['negative chunk size', post('transfer-encoding: chunked\r\n', `-1a\r\n${doc}\r\n0\r\n\r\n`)],
    ['huge chunk size', post('transfer-encoding: chunked\r\n', `ffffffffffffffff\r\n${doc}\r\n0\r\n\r\n`)],
    ['chunk without CRLF', post('transfer-encoding: chunked\r\n', `1a${doc}0\r\n\r\n`)],
    ['CL and TE', post(`content-length: 5\r\ntransfer-encoding: chunked\r\n`, `1a\r\n${doc}\r\n0\r\n\r\n`)],
    ['two Content-Lengths', post(`content-length: 26\r\ncontent-length: 27\r\n`, doc)],
    ['Content-Length list', post(`content-length: 26, 26\r\n`, doc)],
    ['Content-Length with a sign', post(`content-length: +26\r\n`, doc)],
    ['Content-Length not a number', post(`content-length: abc\r\n`, doc)],
    ['TE not chunked', post(`transfer-encoding: gzip\r\n`, doc)],
    ['TE chunked twice', post(`transfer-encoding: chunked, chunked\r\n`, `1a\r\n${doc}\r\n0\r\n\r\n`)],
    ['obs-fold header', `GET /health HTTP/1.1\r\nhost: x\r\nx-a: 1\r\n  folded\r\n\r\n`],
    ['LF-only line endings', `GET /health HTTP/1.1\nhost: x\n\n`],
    ['header without a colon', `GET /health HTTP/1.1\r\nhost: x\r\nnonsense\r\n\r\n`],
    ['header name with a space', `GET /health HTTP/1.1\r\nhost: x\r\nx a: 1\r\n\r\n`],
    ['NUL in a header', `GET /health HTTP/1.1\r\nhost: x\r\nx-a: a\0b\r\n\r\n`],
    ['invalid method token', `G(T /health HTTP/1.1\r\nhost: x\r\n\r\n`],
    ['unknown HTTP version', `GET /health HTTP/9.9\r\nhost: x\r\n\r\n`],
    ['HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
    ['HTTP/1.1 without Host', `GET /graphql HTTP/1.1\r\n\r\n`],
    ['HTTP/1.0 without Host', `GET /health HTTP/1.0\r\n\r\n`],
    ['CONNECT', `CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\n\r\n`],
    ['CONNECT to the endpoint', `CONNECT /graphql HTTP/1.1\r\nhost: x\r\n\r\n`],
    ['one huge header', `GET /health HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['3,000 headers', `GET /health HTTP/1.1\r\nhost: x\r\n${Array.from({ length: 3000 }, (_, i) => `x-${i}: 1`).join('\r\n')}\r\n\r\n`],
    ['an upgrade that is not a websocket', `GET /graphql HTTP/1.1\r\nhost: x\r\nconnection: upgrade\r\nupgrade: h2c\r\n\r\n`],
    [
      'a websocket upgrade by POST',
      `POST /graphql HTTP/1.1\r\nhost: x\r\nconnection: upgrade\r\nupgrade: websocket\r\nsec-websocket-version: 13\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    ],
    [
      'a websocket upgrade with a bad version',
      `GET /graphql HTTP/1.1\r\nhost: x\r\nconnection: upgrade\r\nupgrade: websocket\r\nsec-websocket-version: 99\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    ],
    ['pipelined garbage after a request', `GET /health HTTP/1.1\r\nhost: x\r\n\r\n\x00\x01\x02garbage\r\n\r\n`],
  ];
  const cases: EdgeCase[] = fixed.map(([label, bytes]) => ({ label, bytes }));
  while (cases.length < n) {
    switch (rng.int(0, 3)) {
      case 0:
        cases.push({ label: 'random bytes', bytes: rng.bytes(rng.int(1, 400)) });
        break;
      case 1: {
        const size = rng.pick([rng.string(rng.int(1, 6), [...'0123456789abcdefxyz-+ ;'.split('')]), '1a', '0']);
        cases.push({ label: `chunk size ${JSON.stringify(size)}`, bytes: post('transfer-encoding: chunked\r\n', `${size}\r\n${doc}\r\n0\r\n\r\n`) });
        break;
      }
      case 2: {
        const value = rng.string(rng.int(0, 12), [...'0123456789 ,+-abc'.split('')]);
        cases.push({ label: `content-length ${JSON.stringify(value)}`, bytes: post(`content-length: ${value}\r\n`, doc) });
        break;
      }
      default: {
        const line = rng.string(rng.int(1, 60), ASCII);
        cases.push({ label: `header line ${JSON.stringify(line)}`, bytes: `GET /health HTTP/1.1\r\nhost: x\r\n${line}\r\n\r\n` });
      }
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------
// Websocket cases: each opens its own socket, sends its frames, and reads how the server answers.

interface WsCase {
  label: string;
  /** Send connection_init with the token first (and wait for the ack). */
  init: boolean;
  frames: (string | Buffer)[];
}

/** One byte over the 25 MB a message may carry (the HTTP body limit, src/app.ts). */
const OVERSIZE = Buffer.alloc(25_000_001, 'x');
const subscribe = (id: unknown, payload: unknown) => JSON.stringify({ id, type: 'subscribe', payload });

function wsCases(rng: Rng, n: number): WsCase[] {
  const fixed: WsCase[] = [
    { label: 'subscribe before connection_init', init: false, frames: [subscribe('1', { query: '{ __typename }' })] },
    { label: 'ping before connection_init', init: false, frames: [JSON.stringify({ type: 'ping' })] },
    { label: 'connection_init twice', init: true, frames: [JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKEN}` } })] },
    { label: 'connection_init with a junk payload', init: false, frames: [JSON.stringify({ type: 'connection_init', payload: 'x' })] },
    { label: 'a binary frame', init: true, frames: [Buffer.from([0, 1, 2, 255, 254])] },
    { label: 'binary JSON', init: true, frames: [Buffer.from(subscribe('b', { query: '{ __typename }' }))] },
    { label: 'not JSON', init: true, frames: ['{not json'] },
    { label: 'JSON that is not a message', init: true, frames: ['[1,2,3]'] },
    { label: 'an unknown type', init: true, frames: [JSON.stringify({ type: 'launch', id: '1' })] },
    { label: 'subscribe without an id', init: true, frames: [JSON.stringify({ type: 'subscribe', payload: { query: '{ __typename }' } })] },
    { label: 'subscribe without a payload', init: true, frames: [JSON.stringify({ type: 'subscribe', id: '1' })] },
    { label: 'subscribe with a query that is not a string', init: true, frames: [subscribe('1', { query: 42 })] },
    { label: 'subscribe with junk variables', init: true, frames: [subscribe('1', { query: 'query($id: ID!) { node(id: $id) { id } }', variables: [1, 2] })] },
    { label: 'subscribe with a 10 kB id', init: true, frames: [subscribe('i'.repeat(10_000), { query: '{ __typename }' })] },
    {
      label: 'the same id 50 times',
      init: true,
      frames: Array.from({ length: 50 }, () => subscribe('same', { query: 'subscription { assetChanges { at } }' })),
    },
    {
      label: '200 subscriptions on one socket',
      init: true,
      frames: Array.from({ length: 200 }, (_, i) => subscribe(`s${i}`, { query: 'subscription { assetChanges { at } }' })),
    },
    { label: '500 pings', init: true, frames: Array.from({ length: 500 }, () => JSON.stringify({ type: 'ping' })) },
    { label: 'complete for an unknown id', init: true, frames: [JSON.stringify({ type: 'complete', id: 'nope' })] },
    { label: 'an introspection query', init: true, frames: [subscribe('1', { query: '{ __schema { types { name } } }' })] },
    // A Buffer (outside the JS heap), three times: a server that kept any of them would show in the heap check.
    ...[1, 2, 3].map((i) => ({ label: `a message over the size limit (${i})`, init: true, frames: [OVERSIZE] })),
  ];
  const cases = [...fixed];
  while (cases.length < n) {
    const kind = rng.int(0, 3);
    const frame =
      kind === 0
        ? rng.bytes(rng.int(1, 200))
        : kind === 1
          ? rng.string(rng.int(1, 200), [...ASCII, ...UNICODE])
          : kind === 2
            ? JSON.stringify({
                type: rng.pick(['subscribe', 'next', 'error', 'complete', 'ping', 'pong', 'connection_ack', '']),
                id: rng.pick(['1', '', 1, null, {}]),
                payload: rng.pick([null, {}, [], 'x', { query: rng.string(rng.int(1, 80)) }]),
              })
            : subscribe(`r${cases.length}`, { query: rng.string(rng.int(1, 120), [...ASCII, '{', '}', '(', ')', '$', '@', '...']) });
    cases.push({ label: `random frame ${cases.length}`, init: rng.chance(0.8), frames: [frame] });
  }
  return cases;
}

/** What the server did with one websocket case; problems are rule violations. */
async function runWsCase(url: string, c: WsCase): Promise<string[]> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const problems: string[] = [];
  const messages: string[] = [];
  let closeCode: number | undefined;
  ws.on('message', (data) => messages.push(String(data)));
  const closed = once(ws, 'close').then(([code]) => (closeCode = code as number));
  ws.on('error', () => undefined);
  await once(ws, 'open');
  if (c.init) {
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKEN}` } }));
    await once(ws, 'message');
  }
  for (const frame of c.frames) if (ws.readyState === ws.OPEN) ws.send(frame);
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 400))]);
  if (ws.readyState === ws.OPEN) ws.close(1000);
  await closed;
  // 1011 and 4500 are the server failing, not refusing; 1006 is a socket dropped without a close frame.
  if (closeCode === 1011 || closeCode === 4500 || closeCode === 1006) problems.push(`closed with ${closeCode}`);
  for (const text of messages) {
    problems.push(...leaksIn(text, secrets));
    let message: { type?: string; payload?: unknown };
    try {
      message = JSON.parse(text);
    } catch {
      problems.push(`a frame that is not JSON: ${text.slice(0, 80)}`);
      continue;
    }
    if (message.type === 'error') problems.push(...errorProblems(message.payload as unknown[]));
    if (message.type === 'next') {
      const { errors } = message.payload as { errors?: unknown[] };
      if (errors) problems.push(...errorProblems(errors));
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// Running

const logs = captureLines();
let h: Harness;
const upstreamCalls = () => Object.values(h.sandbox.servers).reduce((n, server) => n + server.calls(), 0);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const HTTP_CATEGORIES: [string, (rng: Rng) => EdgeCase[]][] = [
  ['path spellings', (rng) => pathCases(rng, 400)],
  ['Host headers', (rng) => hostCases(rng, 200)],
  ['request targets', (rng) => targetCases(rng, 160)],
  ['HTTP framing', (rng) => framingCases(rng, 200)],
];
const WS_CASES = wsCases(new Rng(seedOf('websocket frames')), 140);

async function runHttp(cases: EdgeCase[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const res = await sendRaw(h.url, c.bytes, { timeoutMs: 2000 });
      const problems: string[] = [];
      if (res.status === undefined) {
        // A connection closed without an answer is acceptable only for bytes that are not HTTP at all.
        if (!/random bytes|HTTP\/2 preface|garbage/.test(c.label)) problems.push(`no response (${res.closed ? 'closed' : 'timed out'})`);
      } else if (String(c.bytes).startsWith('HEAD ')) {
        // A HEAD response has no body to hold a coded error: its status is the answer.
      } else if (res.status >= 400 || res.headers['content-type']?.includes('json')) {
        // Every refusal is a coded GraphQL-style error; every JSON answer a well-formed result.
        problems.push(...responseProblems(res.status, res.body, res.headers['content-type'] ?? null, secrets));
      } else {
        // 101, 204, a probe's own answer, GraphiQL's page.
        problems.push(...leaksIn(res.body, secrets));
      }
      if (c.notARoute && res.status !== 404) problems.push(`HTTP ${res.status} for a path that is not a route`);
      if (res.status !== undefined && res.status >= 500) problems.push(`HTTP ${res.status}`);
      if (problems.length > 0)
        failures.push(`${[...new Set(problems)].join('; ')}\n    input: ${c.label} :: ${JSON.stringify(c.bytes.toString().slice(0, 300))}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

/** After each category: the server still answers, and no log line of it holds a secret. */
async function stillAnswersAndLogsNoSecret(): Promise<void> {
  const res = await postGraphQL(`${h.url}/graphql`, '{ providers { provider enabled } }', undefined, { authorization: `Bearer ${TOKEN}` });
  expect(res.status).toBe(200);
  expect((res.data as { providers: unknown[] }).providers).toHaveLength(4);
  expect(logs.lines.length).toBeGreaterThan(0);
  expect(secrets.in(logs.text())).toEqual([]);
  expect(logs.text()).not.toContain('Bearer wrong');
  // Checked, so let go: the heap comparison at the end must not count the capture's own lines.
  logs.lines.length = 0;
}

let baseline = 0;
beforeAll(async () => {
  h = await startHarness({ env: { API_TOKENS: TOKEN, INTROSPECTION: 'false' }, token: TOKEN, logger: createLogger('debug', logs) });
  // Warm every path once, so what the baseline holds is the steady state, not first-use caches.
  await runHttp(HTTP_CATEGORIES.flatMap(([name, make]) => make(new Rng(seedOf(`warm ${name}`))).slice(0, 20)));
  logs.lines.length = 0;
  baseline = heapUsed();
});
afterAll(() => h?.stop());

describe('fuzz: the edge', () => {
  for (const [name, make] of HTTP_CATEGORIES) {
    it(`${name}: coded 4xx, never a 5xx, a leak or an execution off the routes`, async () => {
      const cases = make(new Rng(seedOf(name)));
      const before = upstreamCalls();
      const failures = await runHttp(cases);
      expect(failures.length, `${failures.length} of ${cases.length} inputs failed:\n${failures.join('\n')}\n`).toBe(0);
      // Nothing in this category reached a provider: the only operation sent is a delete off the routes.
      if (name === 'path spellings') expect(upstreamCalls()).toBe(before);
      await stillAnswersAndLogsNoSecret();
    });
  }

  it('websocket frames: refused or answered with coded errors, never a server failure', async () => {
    const failures: string[] = [];
    for (let i = 0; i < WS_CASES.length; i += CONCURRENCY) {
      const batch = WS_CASES.slice(i, i + CONCURRENCY);
      const results = await Promise.all(batch.map((c) => runWsCase(h.url, c)));
      results.forEach((problems, j) => {
        if (problems.length > 0) failures.push(`${[...new Set(problems)].join('; ')}\n    input: ${batch[j]!.label}`);
      });
    }
    expect(failures.length, `${failures.length} of ${WS_CASES.length} inputs failed:\n${failures.join('\n')}\n`).toBe(0);
    await stillAnswersAndLogsNoSecret();
    // Every socket has closed, and with it every subscription it opened.
    await expect.poll(() => h.app.live.stats().subscribers).toBe(0);
  });

  it('generated at least 1,000 inputs, and the heap is back at its baseline', () => {
    const total = HTTP_CATEGORIES.reduce((n, [name, make]) => n + make(new Rng(seedOf(name))).length, 0) + WS_CASES.length;
    expect(total).toBeGreaterThanOrEqual(1000);
    // Generous for GC noise, far below what a leak per input would hold (1,100 inputs).
    const grown = (heapUsed() - baseline) / 1024 / 1024;
    expect(grown, `heap grew ${grown.toFixed(1)} MB over the run`).toBeLessThan(16);
  });
});
