import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '../../../src/errors/domain.js';
import { FileStreamError } from '../../../src/providers/file-stream.js';
import { ProviderHttp } from '../../../src/providers/http/index.js';
import { mayHaveLanded } from '../../../src/providers/upload-outcome.js';

const unavailable = (options: ConstructorParameters<typeof ProviderError>[4]) =>
  new ProviderError('UNAVAILABLE', 'VIDEO_JUNGLE', 'POST {upload_url}', 'x', options);

describe('mayHaveLanded', () => {
  it('is true only when the request went out and no HTTP answer came back', () => {
    expect(mayHaveLanded(unavailable({ cause: Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' }) }))).toBe(true);
    expect(mayHaveLanded(unavailable({ cause: Object.assign(new Error('d'), { code: 'UND_ERR_SOCKET' }) }))).toBe(true);
  });

  it('is true for a success whose reply could not be read (the provider did it), false for an unreadable failure', () => {
    const unreadable = (status?: number) => new ProviderError('BAD_RESPONSE', 'VIDEO_JUNGLE', 'POST {upload_url}', 'x', { status });
    expect(mayHaveLanded(unreadable(200))).toBe(true);
    expect(mayHaveLanded(unreadable(201))).toBe(true);
    // A check on a parsed body (no status on it) says nothing about where the call got to.
    expect(mayHaveLanded(unreadable())).toBe(false);
  });

  it('is false for a definite answer, a refused connection, a call never sent, or a broken file', () => {
    expect(mayHaveLanded(unavailable({ status: 503 }))).toBe(false);
    expect(mayHaveLanded(new ProviderError('REJECTED', 'VIDEO_JUNGLE', 'POST {upload_url}', 'x', { status: 400 }))).toBe(false);
    expect(mayHaveLanded(unavailable({ cause: Object.assign(new Error('r'), { code: 'ECONNREFUSED' }) }))).toBe(false);
    // The guard's refusals (an open circuit) carry no network cause: nothing left this server.
    expect(mayHaveLanded(unavailable({}))).toBe(false);
    const broken = new Error('socket', { cause: new FileStreamError('the file ended early') });
    expect(mayHaveLanded(unavailable({ cause: broken }))).toBe(false);
    expect(mayHaveLanded(new Error('other'))).toBe(false);
  });
});

// Answers 400 ms after the whole body arrived, as a provider storing an upload would.
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), 400));
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

describe('upload-sized timeouts', () => {
  it('give a streamed upload UPSTREAM_UPLOAD_TIMEOUT_MS to answer, where a plain call gets the read timeout', async () => {
    const http = new ProviderHttp({
      provider: 'VIDEO_JUNGLE',
      baseUrl,
      headers: {},
      classify: () => ({ detail: 'x' }),
      timeoutMs: 150,
      uploadTimeoutMs: 2000,
      retries: 0,
    });
    const post = (body: string | Readable, upload?: boolean) =>
      http.request({ method: 'POST', path: '/up', endpoint: 'POST /up', headers: { 'content-length': '5' }, body, schema: z.unknown(), upload });
    expect(await post(Readable.from([Buffer.from('bytes')]))).toEqual({ ok: true });
    await expect(post('bytes')).rejects.toMatchObject({ kind: 'UNAVAILABLE' });
    // A call that has the provider fetch a file says so, and gets the same time.
    expect(await post('bytes', true)).toEqual({ ok: true });
    await http.close();
  });
});
