import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DomainError, ProviderError } from '../../../src/errors/domain.js';
import type { CallEvent } from '../../../src/providers/http/index.js';
import { createRunwayClient } from '../../../src/providers/runway/client.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { createRunwaySandbox } from '../../../sandbox/runway/index.js';
import { SandboxServer } from '../../../sandbox/server.js';
import { clientOptions, rejection, useSandboxServer } from '../../helpers/sandbox-server.js';

const GET = 'GET /assets/:id';
const LIST = 'GET /assets/';
const sandbox = createRunwaySandbox();
const { server, track } = useSandboxServer(sandbox);
const listed = sandbox.store.listed();

type Overrides = Partial<{ token: string; email: string | undefined; baseUrl: string }>;

function client(overrides: Overrides = {}, onCall?: (e: CallEvent) => void) {
  const { token, email } = SANDBOX_CREDENTIALS.RUNWAY;
  return track(createRunwayClient({ token, email, baseUrl: server.url, ...overrides }, clientOptions(onCall))).assets;
}

describe('Runway client against the useapi.net sandbox: reads', () => {
  it('gets one asset; the id goes raw in the path, ":" and "@" included', async () => {
    const wanted = listed.find((a) => a.mediaType === 'video')!;
    expect(wanted.assetId).toMatch(/:.*@/);
    const [asset, ...rest] = await client().getAssets([wanted.assetId]);
    expect(rest).toEqual([]);
    expect(asset).toMatchObject({
      provider: 'RUNWAY',
      providerId: wanted.assetId,
      uuid: wanted.id,
      name: wanted.name,
      mediaType: 'VIDEO',
      status: 'READY',
    });
    expect(asset?.createdAt?.toISOString()).toBe(wanted.createdAt);
    expect(server.calls(GET)).toBe(1);
  });

  it('multi-gets with one call per id (no batch endpoint); unknown ids are simply absent', async () => {
    const unknown = 'user:1234-runwayml:sandbox@assetfed.dev-asset:00000000-0000-4000-8000-000000000000';
    const ids = [listed[3]!.assetId, unknown, listed[7]!.assetId];
    const assets = await client().getAssets(ids);
    expect(assets.map((a) => a.providerId).sort()).toEqual([ids[0], ids[2]].sort());
    expect(server.calls(GET)).toBe(3);
  });

  it('answers [] for a 404, after exactly one call', async () => {
    expect(await client().getAssets(['user:1234-runwayml:sandbox@assetfed.dev-asset:deadbeef'])).toEqual([]);
    expect(server.calls(GET)).toBe(1);
  });

  it('rejects a malformed id client-side, with no call', async () => {
    const error = await rejection(client().getAssets(['not-a-runway-id']));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect(server.calls()).toBe(0);
  });

  it('reads an asset by id that the workspace-scoped list never shows', async () => {
    const hidden = sandbox.store.unlisted()[0]!;
    const [asset] = await client().getAssets([hidden.assetId]);
    expect(asset?.providerId).toBe(hidden.assetId);
    const all = await client().listAssets({ offset: 0, limit: 100 }, {});
    expect(all.items.map((a) => a.providerId)).not.toContain(hidden.assetId);
  });
});

describe('Runway client against the useapi.net sandbox: lists', () => {
  it('pages through the list newest first, probing one extra item for hasNextPage', async () => {
    const assets = client();
    const seen: string[] = [];
    let page = await assets.listAssets({ offset: 0, limit: 20 }, {});
    expect(page).toMatchObject({ hasNextPage: true, totalCount: null });
    seen.push(...page.items.map((a) => a.providerId));
    page = await assets.listAssets({ offset: 20, limit: 20 }, {});
    expect(page.hasNextPage).toBe(true);
    seen.push(...page.items.map((a) => a.providerId));
    page = await assets.listAssets({ offset: 40, limit: 20 }, {});
    expect(page.hasNextPage).toBe(false);
    seen.push(...page.items.map((a) => a.providerId));
    expect(seen).toEqual(listed.map((a) => a.assetId));
    expect(server.calls(LIST)).toBe(3);
  });

  it('splits a limit of 100 into exactly 2 calls', async () => {
    const page = await client().listAssets({ offset: 0, limit: 100 }, {});
    expect(page.items).toHaveLength(60);
    expect(page.hasNextPage).toBe(false);
    expect(server.calls(LIST)).toBe(2);
  });

  it('treats a full page of 50 as "maybe more"', async () => {
    const page = await client().listAssets({ offset: 10, limit: 50 }, {});
    expect(page.items).toHaveLength(50);
    expect(page.hasNextPage).toBe(true);
    expect((await client().listAssets({ offset: 60, limit: 50 }, {})).items).toEqual([]);
    expect(server.calls(LIST)).toBe(2);
  });

  it('filters by media type upstream', async () => {
    const page = await client().listAssets({ offset: 0, limit: 10 }, { mediaType: 'AUDIO' });
    expect(page.items.map((a) => a.providerId)).toEqual(sandbox.store.listed('audio').map((a) => a.assetId));
    expect(page.items.every((a) => a.mediaType === 'AUDIO')).toBe(true);
    expect(page.hasNextPage).toBe(false);
  });

  it('answers an empty page for TEXT without a call', async () => {
    const page = await client().listAssets({ offset: 0, limit: 10 }, { mediaType: 'TEXT' });
    expect(page).toEqual({ items: [], hasNextPage: false, totalCount: null });
    expect(server.calls()).toBe(0);
  });

  it('refuses search as unsupported, without a call', async () => {
    const error = await rejection(client().listAssets({ offset: 0, limit: 10 }, { search: 'fox' }));
    expect((error as DomainError).code).toBe('UNSUPPORTED_BY_PROVIDER');
    expect(server.calls()).toBe(0);
  });

  it('rejects offset 1001 client-side with zero upstream calls; offset 1000 is still asked', async () => {
    const error = await rejection(client().listAssets({ offset: 1001, limit: 10 }, {}));
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect((error as DomainError).message).toBe('Runway lists can only be paged up to offset 1000');
    expect(server.calls()).toBe(0);
    expect((await client().listAssets({ offset: 1000, limit: 10 }, {})).items).toEqual([]);
    expect(server.calls(LIST)).toBe(1);
  });

  it('lists without an email (one configured account) and is rejected for an unknown one', async () => {
    expect((await client({ email: undefined }).listAssets({ offset: 0, limit: 5 }, {})).items).toHaveLength(5);
    const error = await rejection(client({ email: 'other@example.com' }).listAssets({ offset: 0, limit: 5 }, {}));
    expect(error).toMatchObject({ kind: 'REJECTED', status: 400 });
  });
});

describe('Runway client against the useapi.net sandbox: failures', () => {
  const someId = () => listed[0]!.assetId;

  it('maps a wrong token to UNAUTHORIZED', async () => {
    const error = await rejection(client({ token: 'user:1234-wrong' }).getAssets([someId()]));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'UNAUTHORIZED', status: 401, detail: 'Unauthorized' });
    expect(server.calls(GET)).toBe(1);
  });

  it('retries a 5xx once and succeeds', async () => {
    server.faults.next({ type: 'status', status: 502, message: 'Bad gateway' }, { endpoint: GET });
    expect(await client().getAssets([someId()])).toHaveLength(1);
    expect(server.calls(GET)).toBe(2);
  });

  it('honours Retry-After on a 429', async () => {
    const stamps: number[] = [];
    server.faults.rateLimit(1, { endpoint: LIST });
    const page = await client({}, (e) => stamps.push(performance.now())).listAssets({ offset: 0, limit: 5 }, {});
    expect(page.items).toHaveLength(5);
    expect(server.calls(LIST)).toBe(2);
    expect(stamps).toHaveLength(2);
    // The second attempt ends at least Retry-After after the first (a couple of ms for timer rounding).
    expect(stamps[1]! - stamps[0]!).toBeGreaterThanOrEqual(1000 - 2);
  });

  it("fails a 429 without Retry-After at once, with useapi's own 10 s as the wait (longer than we wait)", async () => {
    server.faults.next({ type: 'status', status: 429, message: 'Too many requests' }, { endpoint: GET });
    const error = await rejection(client().getAssets([someId()]));
    expect(error).toMatchObject({ kind: 'RATE_LIMITED', status: 429, retryAfterMs: 10_000 });
    expect(server.calls(GET)).toBe(1);
  });

  it('turns a malformed 2xx body into BAD_RESPONSE, without retrying', async () => {
    server.faults.next({ type: 'malformed' }, { endpoint: GET });
    expect(await rejection(client().getAssets([someId()]))).toMatchObject({ kind: 'BAD_RESPONSE' });
    expect(server.calls(GET)).toBe(1);
  });

  it('makes out of credits (412) REJECTED with the message, not retried', async () => {
    const message = 'Runway account has no credits left';
    server.faults.next({ type: 'status', status: 412, message }, { endpoint: LIST });
    const error = await rejection(client().listAssets({ offset: 0, limit: 5 }, {}));
    expect(error).toMatchObject({ kind: 'REJECTED', status: 412, detail: message });
    expect(server.calls(LIST)).toBe(1);
  });

  it('reports a provider that keeps failing as UNAVAILABLE after the retries', async () => {
    server.faults.always({ type: 'status', status: 503, message: 'down' });
    expect(await rejection(client().getAssets([someId()]))).toMatchObject({ kind: 'UNAVAILABLE', status: 503 });
    expect(server.calls(GET)).toBe(3);
  });

  it('reports an unreachable provider as UNAVAILABLE', async () => {
    const gone = new SandboxServer(createRunwaySandbox());
    const url = await gone.start(0);
    await gone.stop();
    expect(await rejection(client({ baseUrl: url }).getAssets([someId()]))).toMatchObject({ kind: 'UNAVAILABLE' });
  });
});

describe('the useapi.net sandbox is as strict as useapi.net', () => {
  const auth = { authorization: `Bearer ${SANDBOX_CREDENTIALS.RUNWAY.token}` };
  const get = async (path: string, headers: Record<string, string> = auth) => {
    const res = await fetch(`${server.url}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('answers 401 with the real envelope without a bearer token', async () => {
    const unauthorized = { status: 401, body: { error: 'Unauthorized', code: 401 } };
    expect(await get('/assets/?offset=0&limit=1', {})).toEqual(unauthorized);
    expect(await get(`/assets/${listed[0]!.assetId}`, { authorization: 'Bearer nope' })).toEqual(unauthorized);
  });

  it('answers 404 "Not found." for an unknown asset', async () => {
    const id = 'user:1234-runwayml:sandbox@assetfed.dev-asset:nope';
    expect(await get(`/assets/${id}`)).toEqual({ status: 404, body: { error: 'Not found.', code: 404 } });
  });

  it("answers 404 for a known assetId whose ':' or '@' is percent-encoded (the docs send it raw)", async () => {
    const id = listed[0]!.assetId;
    expect((await get(`/assets/${id}`)).status).toBe(200);
    const notFound = { status: 404, body: { error: 'Not found.', code: 404 } };
    expect(await get(`/assets/${encodeURIComponent(id)}`)).toEqual(notFound);
    expect(await get(`/assets/${id.replace('@', '%40')}`)).toEqual(notFound);
  });

  it.each([
    ['/assets/?limit=10', 'offset missing'],
    ['/assets/?offset=0', 'limit missing'],
    ['/assets/?offset=1001&limit=10', 'offset over 1000'],
    ['/assets/?offset=-1&limit=10', 'negative offset'],
    ['/assets/?offset=0&limit=0', 'limit 0'],
    ['/assets/?offset=0&limit=51', 'limit over 50'],
    ['/assets/?offset=0&limit=2.5', 'fractional limit'],
    ['/assets/?offset=0&limit=10&mediaType=text', 'unknown mediaType'],
    ['/assets/?offset=0&limit=10&email=someone%40else.com', 'unknown account'],
  ])('answers 400 for %s (%s)', async (path) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 400, error: expect.any(String) });
  });

  it('answers a bare array for a valid list query', async () => {
    const { status, body } = await get('/assets/?offset=0&limit=2&mediaType=image&email=sandbox%40assetfed.dev');
    expect(status).toBe(200);
    expect(body).toEqual(sandbox.store.listed('image').slice(0, 2));
  });
});

describe('Runway client headers', () => {
  it("sends Content-Type application/json on its GET and DELETE calls, as useapi's docs list it", async () => {
    const seen: string[] = [];
    const raw = createServer((req, res) => {
      seen.push(`${req.method} ${req.headers['content-type']}`);
      req.resume();
      // The list answers an empty page; an asset is not found (both are useapi's envelopes).
      const list = req.url?.startsWith('/v1/runwayml/assets/?');
      res.writeHead(list ? 200 : 404, { 'content-type': 'application/json' }).end(list ? '[]' : '{"error":"Not found.","code":404}');
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const { token, email } = SANDBOX_CREDENTIALS.RUNWAY;
      const baseUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/v1/runwayml`;
      const c = track(createRunwayClient({ token, email, baseUrl }, clientOptions()));
      const id = listed[0]!.assetId;
      await c.assets.getAssets([id]);
      await c.assets.listAssets({ offset: 0, limit: 2 }, {});
      await c.writer!.deleteAssets([id], { force: false });
      expect(seen).toEqual(['GET application/json', 'GET application/json', 'DELETE application/json']);
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });
});
