import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, ProviderError } from '../../../src/errors/domain.js';
import type { CallEvent } from '../../../src/providers/http/index.js';
import { createVideoJungleClient, type VideoJungleClient } from '../../../src/providers/videojungle/client.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { SandboxServer } from '../../../sandbox/server.js';
import { createVideoJungleSandbox } from '../../../sandbox/videojungle/index.js';
import { clientOptions, rejection, useSandboxServer } from '../../helpers/sandbox-server.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const GET_ASSET = 'GET /assets/:id';

// Pending assets wait a minute unless a test settles them, so nothing lands mid-suite by chance.
const sandbox = createVideoJungleSandbox({ pendingDelayMs: 60_000 });
const { server, track } = useSandboxServer(sandbox);
let client: VideoJungleClient;
const events: (CallEvent & { endedAt: number })[] = [];

beforeAll(() => {
  client = track(
    createVideoJungleClient(
      { apiKey: SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey, baseUrl: server.url },
      clientOptions((e) => events.push({ ...e, endedAt: performance.now() })),
    ),
  );
});

afterEach(() => {
  events.length = 0;
});

const expectProviderError = async (promise: Promise<unknown>, kind: ProviderError['kind']) => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).kind).toBe(kind);
  return error as ProviderError;
};

describe('Video Jungle client against the sandbox', () => {
  it('gets one asset with one call', async () => {
    const id = sandbox.store.assetIds()[0]!;
    const [asset] = await client.assets.getAssets([id]);
    expect(asset).toMatchObject({ provider: 'VIDEO_JUNGLE', providerId: id, status: 'READY', uploaded: true });
    expect(asset?.projectId).toBe(sandbox.store.asset(id)?.projectId);
    expect(asset?.createdAt).toBeInstanceOf(Date);
    expect(server.calls(GET_ASSET)).toBe(1);
  });

  it('multi-gets with one call per id (no multi-get upstream), missing ids absent', async () => {
    const ids = sandbox.store.assetIds().slice(0, 5);
    const assets = await client.assets.getAssets([...ids, UNKNOWN]);
    expect(assets.map((a) => a.providerId)).toEqual(ids);
    expect(client.assets.maxBatch).toBe(1);
    expect(server.calls(GET_ASSET)).toBe(6);
  });

  it('gives [] for an unknown asset: 404 is absence, and is not retried', async () => {
    expect(await client.assets.getAssets([UNKNOWN])).toEqual([]);
    expect(server.calls(GET_ASSET)).toBe(1);
  });

  it('refuses a malformed id before any call (the server would answer 422)', async () => {
    await expect(client.assets.getAssets(['not-a-uuid'])).rejects.toBeInstanceOf(DomainError);
    expect(server.calls()).toBe(0);
    const res = await fetch(`${server.url}/assets/not-a-uuid`, {
      headers: { 'x-api-key': SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).detail[0]).toMatchObject({ type: 'uuid_parsing', loc: ['path', 'asset_id'] });
  });

  it('pages the flattened asset list newest first, one upstream call per page', async () => {
    const total = sandbox.store.assetIds().length;
    const first = await client.assets.listAssets({ offset: 0, limit: 10 }, {});
    const second = await client.assets.listAssets({ offset: 10, limit: 10 }, {});
    const last = await client.assets.listAssets({ offset: total - 3, limit: 10 }, {});
    expect(first).toMatchObject({ hasNextPage: true, totalCount: total });
    expect(first.items).toHaveLength(10);
    expect(last).toMatchObject({ hasNextPage: false });
    expect(last.items).toHaveLength(3);
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((a) => a.providerId)).size).toBe(20);
    const times = all.map((a) => a.createdAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(server.calls('GET /projects')).toBe(3);
  });

  it('filters the list by search and media type client-side', async () => {
    const search = await client.assets.listAssets({ offset: 0, limit: 100 }, { search: 'ROOM-TONE' });
    expect(search.items.length).toBeGreaterThan(0);
    for (const a of search.items) expect(a.keyname).toBe('room-tone.m4a');
    const audio = await client.assets.listAssets({ offset: 0, limit: 100 }, { mediaType: 'AUDIO' });
    expect(audio.totalCount).toBe(audio.items.length);
    for (const a of audio.items) expect(a.mediaType).toBe('AUDIO');
    expect(server.calls('GET /projects')).toBe(2);
  });

  it('files typed assets whose key has no extension under their type (video, video_edit, image, audio)', async () => {
    const list = (mediaType: 'VIDEO' | 'IMAGE' | 'AUDIO') => client.assets.listAssets({ offset: 0, limit: 200 }, { mediaType });
    const [video, image, audio] = await Promise.all([list('VIDEO'), list('IMAGE'), list('AUDIO')]);
    const typesOf = (page: typeof video) => new Set(page.items.map((a) => a.assetType));
    expect([...typesOf(video)]).toEqual(expect.arrayContaining(['video', 'video_edit']));
    expect([...typesOf(image)]).toContain('image');
    expect([...typesOf(audio)]).toContain('audio');
    const bare = image.items.find((a) => a.assetType === 'image')!;
    expect(bare.keyname).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists and gets projects, and a project assets on the singular path', async () => {
    const projects = await client.projects.listProjects();
    expect(projects).toHaveLength(8);
    const id = sandbox.store.projectIds()[2]!;
    const project = await client.projects.getProject(id);
    expect(project.assets?.length).toBe(project.assetCount);
    const assets = await client.projects.listProjectAssets(id);
    expect(assets.map((a) => a.providerId)).toEqual(project.assets?.map((a) => a.providerId));
    for (const a of assets) expect(a.projectId).toBe(id);
    expect(server.callsByEndpoint()).toEqual({ 'GET /projects': 1, 'GET /projects/:id': 1, 'GET /projects/:id/asset': 1 });
  });

  it('throws NOT_FOUND for an unknown project; the plural assets path is not served', async () => {
    await expectProviderError(client.projects.getProject(UNKNOWN), 'NOT_FOUND');
    expect(server.calls('GET /projects/:id')).toBe(1);
    const id = sandbox.store.projectIds()[0]!;
    const res = await fetch(`${server.url}/projects/${id}/assets`, {
      headers: { 'x-api-key': SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ detail: 'Not Found' });
  });

  it('reports a wrong key as UNAUTHORIZED, and a missing one is 403', async () => {
    const wrong = createVideoJungleClient({ apiKey: 'vj_wrong', baseUrl: server.url }, clientOptions());
    try {
      const error = await expectProviderError(wrong.assets.getAssets([sandbox.store.assetIds()[0]!]), 'UNAUTHORIZED');
      expect(error.status).toBe(401);
      expect(error.detail).toBe('Invalid API key');
    } finally {
      await wrong.close();
    }
    const res = await fetch(`${server.url}/projects`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ detail: 'Not authenticated' });
  });
});

describe('Video Jungle client failures', () => {
  const id = () => sandbox.store.assetIds()[0]!;

  it('retries a 5xx once and succeeds', async () => {
    server.faults.next({ type: 'status', status: 503 }, { endpoint: GET_ASSET });
    expect(await client.assets.getAssets([id()])).toHaveLength(1);
    expect(server.calls(GET_ASSET)).toBe(2);
  });

  it('honours Retry-After on a 429', async () => {
    server.faults.rateLimit(1, { endpoint: GET_ASSET });
    expect(await client.assets.getAssets([id()])).toHaveLength(1);
    expect(server.calls(GET_ASSET)).toBe(2);
    const [limited, retried] = events;
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    // Node timers may fire up to a millisecond early against performance.now().
    const gap = retried!.endedAt - retried!.durationMs - limited!.endedAt;
    expect(gap).toBeGreaterThanOrEqual(999);
  });

  it('turns a malformed 2xx body into BAD_RESPONSE without retrying', async () => {
    server.faults.next({ type: 'malformed' }, { endpoint: GET_ASSET });
    await expectProviderError(client.assets.getAssets([id()]), 'BAD_RESPONSE');
    expect(server.calls(GET_ASSET)).toBe(1);
  });

  it('reports a provider that stays down as UNAVAILABLE after the retries', async () => {
    server.faults.always({ type: 'status', status: 500 }, 'GET /projects');
    const error = await expectProviderError(client.projects.listProjects(), 'UNAVAILABLE');
    expect(error.detail).toBe('Internal Server Error');
    expect(server.calls('GET /projects')).toBe(3);
  });

  it('reports an unreachable provider as UNAVAILABLE', async () => {
    const down = new SandboxServer(createVideoJungleSandbox());
    const url = await down.start(0);
    await down.stop();
    const gone = createVideoJungleClient({ apiKey: SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey, baseUrl: url }, clientOptions());
    try {
      await expectProviderError(gone.projects.listProjects(), 'UNAVAILABLE');
    } finally {
      await gone.close();
    }
  });
});

describe('Video Jungle uploads landing', () => {
  it('the status check flips to true once a pending asset lands, and the asset becomes READY', async () => {
    const [pending] = sandbox.store.pendingAssetIds();
    expect(pending).toBeDefined();
    expect(await client.status.isReady(pending!)).toBe(false);
    const [before] = await client.assets.getAssets([pending!]);
    expect(before?.status).toMatch(/^(PENDING|PROCESSING)$/);
    expect(before?.url).toBeNull();

    sandbox.store.settlePendingIn(200);
    let uploaded = false;
    for (let i = 0; i < 50 && !uploaded; i++) {
      uploaded = await client.status.isReady(pending!);
      if (!uploaded) await new Promise((r) => setTimeout(r, 50));
    }
    expect(uploaded).toBe(true);
    const [after] = await client.assets.getAssets([pending!]);
    expect(after).toMatchObject({ status: 'READY', uploaded: true });
    expect(after?.url).toContain('X-Amz-Signature=');
    await expectProviderError(client.status.isReady(UNKNOWN), 'NOT_FOUND');
  });
});
