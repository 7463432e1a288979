import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/observability/logger.js';
import { attachEdge } from '../../../src/server/edge.js';
import { captureLines } from '../../helpers/capture.js';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { rawRequest, sendRaw } from '../../helpers/raw-http.js';

/** Requests the HTTP layer cannot serve get a coded 4xx and a log line; nothing gets a stack. */

const logs = captureLines();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { API_TOKENS: 'framing-token' }, logger: createLogger('info', logs) });
});
afterAll(() => h.stop());

const codeOf = (body: string) => (JSON.parse(body) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;

describe('requests the HTTP layer cannot read', () => {
  it.each([
    ['a bad Host', rawRequest('GET', '/health', { host: 'a b' }), 400, 'BAD_REQUEST'],
    ['an unclosed IPv6 Host', rawRequest('GET', '/graphql', { host: '[::1' }), 400, 'BAD_REQUEST'],
    ['a Host port out of range', rawRequest('POST', '/graphql', { host: 'host:99999' }, '{}'), 400, 'BAD_REQUEST'],
    ['an absolute-form target with a bad authority', rawRequest('GET', 'http://a b/graphql', { host: 'x' }), 400, 'BAD_REQUEST'],
    ['the asterisk form for GET', rawRequest('GET', '*', { host: 'x' }), 400, 'BAD_REQUEST'],
    ['a relative target', rawRequest('GET', 'graphql', { host: 'x' }), 400, 'BAD_REQUEST'],
    ['CONNECT', rawRequest('CONNECT', 'example.com:443', { host: 'example.com:443' }), 405, 'METHOD_NOT_ALLOWED'],
    ['a chunk size that is not hex', `POST /graphql HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`, 400, 'BAD_REQUEST'],
    [
      'both Content-Length and chunked',
      `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ntransfer-encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
      400,
      'BAD_REQUEST',
    ],
    ['headers over the limit', rawRequest('GET', '/health', { host: 'x', 'x-big': 'a'.repeat(20_000) }), 431, 'REQUEST_HEADER_FIELDS_TOO_LARGE'],
    ['an invalid method token', `G(T /health HTTP/1.1\r\nhost: x\r\n\r\n`, 400, 'BAD_REQUEST'],
    ['a header without a colon', `GET /health HTTP/1.1\r\nhost: x\r\nnonsense\r\n\r\n`, 400, 'BAD_REQUEST'],
    ['an HTTP/1.1 request without Host', `GET /health HTTP/1.1\r\n\r\n`, 400, 'BAD_REQUEST'],
  ])('%s: %s', async (_what, bytes, status, code) => {
    const res = await sendRaw(h.url, bytes);
    expect(res.status, res.raw.slice(0, 300)).toBe(status);
    expect(res.headers['content-type']).toContain('application/json');
    expect(codeOf(res.body)).toBe(code);
    expect(res.body).not.toMatch(/node_modules|\bat .*:\d+:\d+/);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers OPTIONS * with what the server allows', async () => {
    const res = await sendRaw(h.url, rawRequest('OPTIONS', '*', { host: 'x' }));
    expect([res.status, res.headers['allow']]).toEqual([204, 'GET, POST, OPTIONS']);
  });

  it('serves an absolute-form target by its path', async () => {
    const res = await sendRaw(h.url, rawRequest('GET', 'http://api.example.com/health', { host: 'ignored' }));
    expect(res.status).toBe(200);
  });

  it('logs each refusal with its code and the request id it answered with', async () => {
    const res = await sendRaw(h.url, rawRequest('GET', '/nowhere', { host: 'x', 'x-request-id': 'trace-refused-1' }));
    expect(res.headers['x-request-id']).toBe('trace-refused-1');
    const line = logs.records().find((r) => r['requestId'] === 'trace-refused-1');
    expect(line).toMatchObject({ msg: 'request refused', status: 404, path: '/nowhere', errors: ['NOT_FOUND'] });
    await sendRaw(h.url, rawRequest('GET', '/health', { host: 'a b' }));
    expect(logs.records().some((r) => r['msg'] === 'request refused' && r['status'] === 400 && r['path'] === '(unreadable)')).toBe(true);
  });
});

describe('anything unexpected behind the edge', () => {
  it('is a masked 500 with the request id, logged with its stack, never returned with it', async () => {
    const captured = captureLines();
    const server = createServer();
    attachEdge(
      server,
      {
        handleNodeRequestAndResponse: () => {
          throw new TypeError('boom in /srv/app/node_modules/some-lib/index.js');
        },
      },
      { routes: new Set(['/graphql']), websocketPath: '/graphql', upgrade: () => undefined, logger: createLogger('info', captured) },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const res = await sendRaw(url, rawRequest('POST', '/graphql', { host: 'x', 'x-request-id': 'trace-500' }, '{}'));
      expect(res.status).toBe(500);
      expect(JSON.parse(res.body)).toEqual({
        errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'trace-500' } }],
      });
      const line = captured.records().find((r) => r['msg'] === 'request failed: unexpected error')!;
      expect(line['requestId']).toBe('trace-500');
      expect(JSON.stringify(line['err'])).toContain('boom in /srv/app');
      expect((line['err'] as { stack: string }).stack).toMatch(/TypeError/);
    } finally {
      server.close();
    }
  });
});
