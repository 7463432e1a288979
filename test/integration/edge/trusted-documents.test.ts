import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { runOver, TRANSPORTS } from '../../helpers/transports.js';
import { wsClient } from '../../helpers/ws.js';

/** A server that runs trusted documents only (PERSISTED_DOCUMENTS, ALLOW_ARBITRARY_OPERATIONS=false). */
const TRUSTED = 'query Enabled { providers { provider enabled } }';
const HASH = createHash('sha256').update(TRUSTED).digest('hex');
const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

let h: Harness;
beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'assetfed-trusted-')), 'persisted-documents.json');
  writeFileSync(file, JSON.stringify({ [HASH]: TRUSTED }));
  h = await startHarness({ env: { PERSISTED_DOCUMENTS: file, ALLOW_ARBITRARY_OPERATIONS: 'false' } });
});
afterAll(() => h.stop());

const upstreamCalls = () => Object.values(h.sandbox.servers).reduce((n, server) => n + server.calls(), 0);
const post = async (body: unknown) => {
  const res = await fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] } };
};

describe('trusted documents only', () => {
  it('runs a trusted document by its hash, over HTTP and graphql-ws', async () => {
    const http = await post({ extensions: persisted(HASH) });
    expect(http.status).toBe(200);
    expect(http.body.data.providers).toHaveLength(4);
    const client = wsClient(h.url);
    try {
      const result = await new Promise<any>((resolve, reject) => {
        client.subscribe({ query: '', extensions: persisted(HASH) }, { next: resolve, error: reject, complete: () => undefined });
      });
      expect(result.data.providers).toHaveLength(4);
    } finally {
      await client.dispose();
    }
  });

  it('refuses an ad-hoc query on every transport, with no upstream call', async () => {
    const before = upstreamCalls();
    const outcomes = await Promise.all(TRANSPORTS.map((t) => runOver(t, h.url, '{ assets(first: 5) { nodes { id } } }')));
    for (const [i, outcome] of outcomes.entries()) {
      expect(outcome.errors[0]?.extensions?.code, TRANSPORTS[i]).toBe('PERSISTED_QUERY_ONLY');
      expect(
        outcome.data.filter((d) => d !== null && d !== undefined),
        TRANSPORTS[i],
      ).toEqual([]);
    }
    expect(outcomes[0]!.status).toBeLessThan(500);
    expect(upstreamCalls()).toBe(before);
  });

  it('refuses an unknown hash with a clear code', async () => {
    const res = await post({ extensions: persisted('0'.repeat(64)) });
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('says what a refusal cost: nothing', async () => {
    for (const body of [{ query: '{ __typename }' }, { extensions: persisted('0'.repeat(64)) }]) {
      const res = await post(body);
      expect((res.body as any).extensions.cost).toMatchObject({ requestedQueryCost: 0, actualQueryCost: 0 });
    }
  });
});
