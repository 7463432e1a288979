import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '../../../src/errors/domain.js';
import { ProviderHttp, type CallEvent } from '../../../src/providers/http/index.js';

// A 200 that carries an error, as Uplynk sends them.
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 1, msg: 'bad parameter' }));
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('ProviderHttp check hook', () => {
  it('turns an error inside a 2xx into a failed call that onCall reports and is not retried', async () => {
    const events: CallEvent[] = [];
    const http = new ProviderHttp({
      provider: 'UPLYNK',
      baseUrl,
      headers: {},
      classify: () => ({ detail: 'x' }),
      onCall: (e) => events.push(e),
    });
    const call = http.request({
      method: 'POST',
      path: '/api2/asset/get',
      endpoint: 'POST /api2/asset/get',
      schema: z.object({ error: z.number(), msg: z.string() }),
      idempotent: true,
      check: (body) => (body.error ? new ProviderError('REJECTED', 'UPLYNK', 'POST /api2/asset/get', body.msg) : null),
    });
    await expect(call).rejects.toMatchObject({ kind: 'REJECTED', detail: 'bad parameter' });
    expect(events).toEqual([expect.objectContaining({ status: 200, error: 'REJECTED', attempt: 0 })]);
    await http.close();
  });
});
