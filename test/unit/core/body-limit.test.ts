import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { multipartLimits, useRequestBodyLimit } from '../../../src/plugins/use-request-body-limit.js';

const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Query { echo(text: String!): String! }',
    resolvers: { Query: { echo: (_: unknown, a: { text: string }) => a.text } },
  }),
  maxRequestBodySize: false,
  logging: false,
  plugins: [useRequestBodyLimit({ plainBytes: 200, multipartBytes: 5000 })],
});

const query = (text: string) => JSON.stringify({ query: 'query($t: String!) { echo(text: $t) }', variables: { t: text } });

/** A body with no Content-Length (sent chunked), in pieces of `size` bytes. */
function chunked(text: string, size = 40): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function post(body: BodyInit, headers: Record<string, string>) {
  const res = await yoga.fetch('http://localhost/graphql', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { status: res.status, body: await res.json() };
}

describe('request body limit', () => {
  it('answers a body within the limit, declared or chunked', async () => {
    const body = query('x'.repeat(100));
    expect((await post(body, { 'content-type': 'application/json', 'content-length': String(body.length) })).body.data.echo).toHaveLength(100);
    expect((await post(chunked(body), { 'content-type': 'application/json' })).body.data.echo).toHaveLength(100);
  });

  it('refuses a declared length over the limit with 413 before reading the body', async () => {
    const { status, body } = await post(chunked(query('x')), { 'content-type': 'application/json', 'content-length': '201' });
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('refuses a chunked body once it streams past the limit', async () => {
    const { status, body } = await post(chunked(query('x'.repeat(300))), { 'content-type': 'application/json' });
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('refuses a Content-Length that is not one number', async () => {
    for (const length of ['10, 10', '-1', 'abc']) {
      const { status, body } = await post(query('x'), { 'content-type': 'application/json', 'content-length': length });
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('gives multipart bodies the bound of their part limits, not the plain one', async () => {
    const declared = { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '1000' };
    expect((await post(chunked('--x--'), declared)).status).not.toBe(413);
    expect((await post(chunked('--x--'), { ...declared, 'content-length': '5001' })).status).toBe(413);
    // The app's default 200 MB upload limit must not be capped by the plain-body limit (yoga's was 25 MB).
    expect(multipartLimits(200 * 1024 * 1024).totalBytes).toBeGreaterThan(20 * 200 * 1024 * 1024);
  });
});
