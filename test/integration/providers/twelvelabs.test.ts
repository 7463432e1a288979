import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, ProviderError } from '../../../src/errors/domain.js';
import type { CallEvent } from '../../../src/providers/http/index.js';
import { createTwelveLabsClient, type TwelveLabsClient } from '../../../src/providers/twelvelabs/client.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { SandboxServer } from '../../../sandbox/server.js';
import { createTwelveLabsSandbox } from '../../../sandbox/twelvelabs/index.js';
import { clientOptions, useSandboxServer } from '../../helpers/sandbox-server.js';
import { twelveLabs } from '../../../src/providers/twelvelabs/index.js';

const LIST = 'GET /assets';
const RETRIEVE = 'GET /assets/:id';
const UNKNOWN_ID = '000000000000000000000000';

const sandbox = createTwelveLabsSandbox();
const { store } = sandbox;
const { server, track } = useSandboxServer(sandbox);
/** Every finished attempt, with when it was reported, to measure the gap a Retry-After imposes. */
const events: { at: number; event: CallEvent }[] = [];
let client: TwelveLabsClient;

function connect(apiKey: string = SANDBOX_CREDENTIALS.TWELVE_LABS.apiKey, baseUrl = server.url): TwelveLabsClient {
  const onCall = (event: CallEvent) => events.push({ at: performance.now(), event });
  return track(createTwelveLabsClient({ apiKey, baseUrl }, clientOptions(onCall)));
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

async function providerFailure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

beforeAll(() => {
  client = connect();
});

// Cleared with the server's counters, which the sandbox fixture resets after each test.
afterEach(() => {
  events.length = 0;
});

describe('Twelve Labs client against the sandbox', () => {
  it('declares its capabilities and batch size', () => {
    expect(client.assets.name).toBe('TWELVE_LABS');
    expect(client.assets.maxBatch).toBe(50);
    expect(twelveLabs.capabilities).toEqual([
      'ASSET_READ',
      'ASSET_LIST',
      'MULTI_GET',
      'SEARCH',
      'MEDIA_TYPE_FILTER',
      'UPLOAD',
      'UPLOAD_TARGET',
      'DELETE',
      'UPDATE',
    ]);
  });

  it('retrieves one asset with GET /assets/{id}', async () => {
    const id = store.ids()[20]!;
    const asset = await client.getAsset(id);
    expect(asset).toMatchObject({ provider: 'TWELVE_LABS', providerId: id, status: 'READY' });
    expect(asset.createdAt).toBeInstanceOf(Date);
    expect(server.calls(RETRIEVE)).toBe(1);
  });

  it('gets 120 ids in three list calls of at most 50, missing ids absent', async () => {
    const ids = store.ids().slice(0, 120);
    const assets = await client.assets.getAssets([...ids, UNKNOWN_ID]);
    expect(new Set(assets.map((a) => a.providerId))).toEqual(new Set(ids));
    expect(assets).toHaveLength(120);
    expect(server.calls(LIST)).toBe(3);
    expect(server.calls(RETRIEVE)).toBe(0);
  });

  it('gets a single id with one list call and drops duplicates and empty ids', async () => {
    const id = store.ids()[7]!;
    const assets = await client.assets.getAssets([id, id, '']);
    expect(assets.map((a) => a.providerId)).toEqual([id]);
    expect(server.calls(LIST)).toBe(1);
    expect(await client.assets.getAssets([])).toEqual([]);
    expect(server.calls(LIST)).toBe(1);
  });

  it('answers NOT_FOUND for an unknown id (400 resource_not_exist), without retrying', async () => {
    const error = await providerFailure(client.getAsset(UNKNOWN_ID));
    expect(error.kind).toBe('NOT_FOUND');
    expect(error.status).toBe(400);
    expect(error.detail).toContain('resource_not_exist');
    expect(server.calls(RETRIEVE)).toBe(1);
  });

  it('reports a wrong API key as UNAUTHORIZED', async () => {
    const wrong = connect('tlk_not_the_right_key');
    const error = await providerFailure(wrong.assets.getAssets([store.ids()[0]!]));
    expect(error.kind).toBe('UNAUTHORIZED');
    expect(error.detail).toContain('api_key_invalid');
    expect(error.message).not.toContain('tlk_not_the_right_key');
    expect(server.calls(LIST)).toBe(1);
  });
});

describe('Twelve Labs listing', () => {
  it('asks for exactly the window when it aligns with a page', async () => {
    const page = await client.assets.listAssets({ offset: 20, limit: 20 }, {});
    expect(page.items.map((a) => a.providerId)).toEqual(store.ids().slice(20, 40));
    expect(page).toMatchObject({ hasNextPage: true, totalCount: 150 });
    expect(server.calls(LIST)).toBe(1);
  });

  it('knows the last page from page_info', async () => {
    const page = await client.assets.listAssets({ offset: 140, limit: 20 }, {});
    expect(page.items.map((a) => a.providerId)).toEqual(store.ids().slice(140));
    expect(page.hasNextPage).toBe(false);
    expect(server.calls(LIST)).toBe(1);
  });

  it('covers an unaligned window with pages of 50', async () => {
    const page = await client.assets.listAssets({ offset: 30, limit: 40 }, {});
    expect(page.items.map((a) => a.providerId)).toEqual(store.ids().slice(30, 70));
    expect(page.hasNextPage).toBe(true);
    expect(server.calls(LIST)).toBe(2);
  });

  it('serves a window of 100 and stops at total_page', async () => {
    const first = await client.assets.listAssets({ offset: 0, limit: 100 }, {});
    expect(first.items.map((a) => a.providerId)).toEqual(store.ids().slice(0, 100));
    expect(first.hasNextPage).toBe(true);
    expect(server.calls(LIST)).toBe(2);
    server.resetCounters();
    const tail = await client.assets.listAssets({ offset: 120, limit: 100 }, {});
    expect(tail.items).toHaveLength(30);
    expect(tail.hasNextPage).toBe(false);
    expect(server.calls(LIST)).toBe(1);
  });

  it('searches filenames and filters by media type natively', async () => {
    const expected = store.list({ page: 1, pageLimit: 50, filename: 'keynote' }).data.map((a) => a._id);
    expect(expected.length).toBeGreaterThan(0);
    const found = await client.assets.listAssets({ offset: 0, limit: 50 }, { search: 'KeyNote' });
    expect(found.items.map((a) => a.providerId)).toEqual(expected);
    expect(found.totalCount).toBe(expected.length);
    const audio = await client.assets.listAssets({ offset: 0, limit: 50 }, { mediaType: 'AUDIO' });
    expect(audio.items.every((a) => a.mediaType === 'AUDIO')).toBe(true);
    expect(audio.totalCount).toBe(store.idsOfKind('audio').length);
    expect(server.calls(LIST)).toBe(2);
  });

  it('answers TEXT and OTHER with an empty page and no call', async () => {
    const page = await client.assets.listAssets({ offset: 0, limit: 10 }, { mediaType: 'TEXT' });
    expect(page).toEqual({ items: [], hasNextPage: false, totalCount: 0 });
    expect(server.calls()).toBe(0);
  });

  it('refuses a window the API cannot serve before calling it', async () => {
    const error = await failure(client.assets.listAssets({ offset: 0, limit: 101 }, {}));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect(server.calls()).toBe(0);
  });
});

describe('Twelve Labs statuses', () => {
  it('shows a processing asset turning READY after its delay', async () => {
    const [id] = store.idsWithInitialStatus('processing', 'video');
    store.setReadyDelay(400);
    const [before] = await client.assets.getAssets([id!]);
    expect(before).toMatchObject({
      status: 'PROCESSING',
      providerStatus: 'processing',
      sizeBytes: null,
      technicalMetadata: null,
    });
    expect(before?.hls).toEqual({ url: null, status: 'processing' });
    await sleep(450);
    const after = await client.getAsset(id!);
    expect(after).toMatchObject({ status: 'READY', providerStatus: 'ready', mediaType: 'VIDEO' });
    expect(after.sizeBytes).toBeGreaterThan(0);
    expect(after.durationSeconds).toBeGreaterThan(0);
    expect(after.width).toBeGreaterThan(0);
    expect(after.url).toMatch(/\.m3u8$/);
  });

  it('maps failed and legacy waiting assets', async () => {
    const [failedId] = store.idsWithInitialStatus('failed');
    const [waitingId] = store.idsWithInitialStatus('waiting');
    const assets = await client.assets.getAssets([failedId!, waitingId!]);
    const byId = new Map(assets.map((a) => [a.providerId, a]));
    expect(byId.get(failedId!)).toMatchObject({ status: 'FAILED', errorMessage: expect.any(String) });
    expect(byId.get(waitingId!)).toMatchObject({
      status: 'PROCESSING',
      providerStatus: 'waiting',
      downloadUrl: expect.any(String),
    });
    expect(byId.get(waitingId!)?.urlExpiresAt).toBeInstanceOf(Date);
  });
});

describe('Twelve Labs failures', () => {
  it('retries a 5xx once and succeeds', async () => {
    server.faults.next({ type: 'status', status: 503 }, { endpoint: RETRIEVE });
    const id = store.ids()[30]!;
    expect((await client.getAsset(id)).providerId).toBe(id);
    expect(server.calls(RETRIEVE)).toBe(2);
  });

  it('honours Retry-After on a 429', async () => {
    server.faults.rateLimit(1, { endpoint: LIST });
    const id = store.ids()[31]!;
    expect(await client.assets.getAssets([id])).toHaveLength(1);
    expect(server.calls(LIST)).toBe(2);
    const [limited, retried] = events;
    expect(limited?.event).toMatchObject({ error: 'RATE_LIMITED', status: 429, attempt: 0 });
    expect(retried?.event).toMatchObject({ error: null, status: 200, attempt: 1 });
    const retryStartedAt = retried!.at - retried!.event.durationMs;
    // 1 ms of slack: timers fire on a millisecond clock, performance.now() is finer.
    expect(retryStartedAt - limited!.at).toBeGreaterThanOrEqual(999);
  });

  it('backs off at least 1 s after a 429 without Retry-After, then succeeds', async () => {
    server.faults.next({ type: 'status', status: 429, message: 'You have exceeded the rate limit' }, { endpoint: LIST });
    const id = store.ids()[32]!;
    expect(await client.assets.getAssets([id])).toHaveLength(1);
    const [limited, retried] = events;
    expect(limited?.event).toMatchObject({ error: 'RATE_LIMITED', status: 429, attempt: 0 });
    expect(retried!.at - retried!.event.durationMs - limited!.at).toBeGreaterThanOrEqual(999);
  });

  it('reports malformed JSON as BAD_RESPONSE without retrying', async () => {
    server.faults.next({ type: 'malformed' }, { endpoint: LIST });
    const error = await providerFailure(client.assets.listAssets({ offset: 0, limit: 10 }, {}));
    expect(error.kind).toBe('BAD_RESPONSE');
    expect(server.calls(LIST)).toBe(1);
  });

  it('reports a provider that drops every connection as UNAVAILABLE after the retries', async () => {
    server.faults.always({ type: 'drop' });
    const error = await providerFailure(client.getAsset(store.ids()[0]!));
    expect(error.kind).toBe('UNAVAILABLE');
    expect(server.calls(RETRIEVE)).toBe(3);
  });

  it('reports a provider that refuses connections as UNAVAILABLE', async () => {
    const down = new SandboxServer(createTwelveLabsSandbox());
    const url = await down.start(0);
    await down.stop();
    const error = await providerFailure(connect(undefined, url).assets.getAssets([store.ids()[0]!]));
    expect(error.kind).toBe('UNAVAILABLE');
  });
});
