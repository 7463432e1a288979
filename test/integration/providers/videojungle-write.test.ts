import { File as PonyfillFile } from '@whatwg-node/fetch';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, ProviderError } from '../../../src/errors/domain.js';
import type { UploadFile } from '../../../src/providers/types.js';
import type { VideoEdit } from '../../../src/providers/videojungle/types.js';
import { createVideoJungleClient, type VideoJungleClient } from '../../../src/providers/videojungle/client.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { createVideoJungleSandbox } from '../../../sandbox/videojungle/index.js';
import { clientOptions, useSandboxServer } from '../../helpers/sandbox-server.js';
import { videoJungle } from '../../../src/providers/videojungle/index.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const KEY = SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey;
const ASSET = 'POST /projects/:id/asset';
const BYTES = 'POST /assets/:id/upload';
const GENERATE = 'POST /projects/:id/:scriptId/generate';
const EDIT = 'POST /projects/:id/create-edit';
const GET_ASSET = 'GET /assets/:id';

// Nothing lands by chance mid-suite: tests that watch a landing shorten the delay themselves.
const sandbox = createVideoJungleSandbox({ pendingDelayMs: 60_000, writeDelayMs: 60_000 });
const { server, track } = useSandboxServer(sandbox);
let client: VideoJungleClient;

beforeAll(() => {
  client = track(createVideoJungleClient({ apiKey: KEY, baseUrl: server.url }, clientOptions()));
});

afterEach(() => {
  sandbox.store.writeDelayMs = 60_000;
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

async function expectProviderError(promise: Promise<unknown>, kind: ProviderError['kind']): Promise<ProviderError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ProviderError);
  expect((error as ProviderError).kind).toBe(kind);
  return error as ProviderError;
}

async function expectBadInput(promise: Promise<unknown>): Promise<void> {
  expect(await rejection(promise)).toBeInstanceOf(DomainError);
  expect(server.calls()).toBe(0);
}

/** A raw call to the sandbox, for the server-side checks the client never lets through. */
async function raw(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** Polls the status check until the asset is uploaded, up to ~3 s. */
async function waitUploaded(id: string): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    if (await client.status.isReady(id)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** The seeded horoscope project: prompt-to-video, one script over "zodiac sign" and "lucky number". */
const horoscope = () => {
  const id = sandbox.store.projectIds()[0]!;
  const script = sandbox.store.project(id)!.scripts[0]!;
  return { id, scriptId: String(script.id) };
};
const ZODIAC = [
  { name: 'zodiac sign', value: 'Aries' },
  { name: 'lucky number', value: '7' },
];

/** A File-like that is not a Blob, as a fetch ponyfill may hand over. */
function ponyfillFile(text: string, name: string, type: string): UploadFile {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    type,
    size: bytes.length,
    stream: () => new Blob([bytes]).stream(),
    arrayBuffer: async () => bytes.buffer as ArrayBuffer,
  } as UploadFile;
}

describe('Video Jungle capabilities', () => {
  it('adds the write capabilities, one delete per call', () => {
    expect(videoJungle.capabilities).toEqual(expect.arrayContaining(['UPLOAD', 'UPLOAD_TARGET', 'DELETE', 'GENERATE', 'RENDER_EDIT']));
    expect(videoJungle.capabilities).not.toContain('UPDATE');
    expect(client.writer.maxDeleteBatch).toBe(1);
  });
});

describe('Video Jungle projects', () => {
  it('creates a project, then reads it back as the SDK does', async () => {
    const project = await client.projectWriter.createProject({ name: 'Moon Phases', description: 'Nightly moon videos' });
    expect(project).toMatchObject({ name: 'Moon Phases', description: 'Nightly moon videos', data: 'prompt-to-video', assetCount: 0, assets: [] });
    expect(project.createdAt).toBeInstanceOf(Date);
    expect(server.callsByEndpoint()).toEqual({ 'POST /projects': 1, 'GET /projects/:id': 1 });
    expect((await client.projects.listProjects()).map((p) => p.id)).toContain(project.id);
  });

  it('starts a project from a prompt: it gets a script it can generate with at once', async () => {
    const promptId = String(sandbox.store.project(horoscope().id)!.prompts[0]!.id);
    const project = await client.projectWriter.createProject({ name: 'Tarot', promptId, generationMethod: 'prompt-to-video' });
    const script = sandbox.store.project(project.id)!.scripts[0]!;
    const asset = await client.projectWriter.generate({ projectId: project.id, scriptId: String(script.id), parameters: ZODIAC });
    expect(asset).toMatchObject({ projectId: project.id, assetType: 'generated_video', status: 'PROCESSING' });
  });

  it('answers NOT_FOUND for an unknown prompt, after one call and no read-back', async () => {
    await expectProviderError(client.projectWriter.createProject({ name: 'X', promptId: UNKNOWN }), 'NOT_FOUND');
    expect(server.callsByEndpoint()).toEqual({ 'POST /projects': 1 });
  });

  it('refuses an empty name or a malformed prompt id before any call', async () => {
    await expectBadInput(client.projectWriter.createProject({ name: '  ' }));
    await expectBadInput(client.projectWriter.createProject({ name: 'X', promptId: 'prompt-1' }));
  });

  it('deletes a project with its assets: both 404 afterwards, a second delete is NOT_FOUND', async () => {
    const project = await client.projectWriter.createProject({ name: 'Short-lived' });
    const file = new File(['bytes'], 'a.png', { type: 'image/png' });
    const asset = await client.writer.upload({ filename: 'a.png', file, projectId: project.id });
    server.resetCounters();
    await client.projectWriter.deleteProject(project.id);
    expect(server.calls('DELETE /projects/:id')).toBe(1);
    await expectProviderError(client.projects.getProject(project.id), 'NOT_FOUND');
    expect(await client.assets.getAssets([asset.providerId])).toEqual([]);
    await expectProviderError(client.projectWriter.deleteProject(project.id), 'NOT_FOUND');
    expect(server.calls('DELETE /projects/:id')).toBe(2);
  });

  it('checks the key on writes: a wrong one is UNAUTHORIZED, none is 403', async () => {
    const wrong = createVideoJungleClient({ apiKey: 'vj_wrong', baseUrl: server.url }, clientOptions());
    try {
      await expectProviderError(wrong.projectWriter.createProject({ name: 'X' }), 'UNAUTHORIZED');
      await expectProviderError(
        wrong.writer.deleteAssets([UNKNOWN], { force: false }).then((r) => Promise.reject(r.failed[0]!.error)),
        'UNAUTHORIZED',
      );
    } finally {
      await wrong.close();
    }
    expect(server.callsByEndpoint()).toEqual({ 'POST /projects': 1, 'DELETE /assets/:id': 1 });
    const res = await fetch(`${server.url}/projects`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(403);
  });

  it('does not retry a create on a 5xx', async () => {
    server.faults.next({ type: 'status', status: 503 }, { endpoint: 'POST /projects' });
    await expectProviderError(client.projectWriter.createProject({ name: 'Once' }), 'UNAVAILABLE');
    expect(server.calls('POST /projects')).toBe(1);
  });
});

describe('Video Jungle generate', () => {
  it('generates with the parameters as the query string, and returns the pending asset', async () => {
    const { id, scriptId } = horoscope();
    const asset = await client.projectWriter.generate({ projectId: id, scriptId, parameters: ZODIAC });
    expect(asset).toMatchObject({ provider: 'VIDEO_JUNGLE', projectId: id, assetType: 'generated_video', mediaType: 'VIDEO' });
    expect(asset).toMatchObject({ status: 'PROCESSING', providerStatus: 'processing', uploaded: false, url: null });
    expect(asset.createParameters).toEqual({ 'zodiac sign': 'Aries', 'lucky number': '7' });
    // The project first: its scripts name the parameters the generation must give.
    expect(server.callsByEndpoint()).toEqual({ 'GET /projects/:id': 1, [GENERATE]: 1, [GET_ASSET]: 1 });
  });

  it('sends a custom prompt in the body', async () => {
    const { id, scriptId } = horoscope();
    const asset = await client.projectWriter.generate({ projectId: id, scriptId, parameters: ZODIAC, prompt: 'Make it about tea' });
    expect(asset.createParameters).toMatchObject({ prompt: 'Make it about tea', prompt_persona: '' });
  });

  it('becomes READY after the store delay', async () => {
    sandbox.store.writeDelayMs = 150;
    const { id, scriptId } = horoscope();
    const asset = await client.projectWriter.generate({ projectId: id, scriptId, parameters: ZODIAC });
    expect(asset.status).toBe('PROCESSING');
    expect(await waitUploaded(asset.providerId)).toBe(true);
    const [ready] = await client.assets.getAssets([asset.providerId]);
    expect(ready).toMatchObject({ status: 'READY', providerStatus: 'uploaded', uploaded: true });
    expect(ready?.url).toContain('X-Amz-Signature=');
  });

  it("refuses a parameter the script needs and an unknown script from the project's own scripts, before the generate call", async () => {
    const { id, scriptId } = horoscope();
    const missing = await rejection(client.projectWriter.generate({ projectId: id, scriptId, parameters: ZODIAC.slice(0, 1) }));
    expect(missing).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REQUIRED', field: ['parameters'], message: expect.stringContaining('"lucky number"') });
    const unknown = await rejection(client.projectWriter.generate({ projectId: id, scriptId: UNKNOWN, parameters: ZODIAC }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', field: ['scriptId'] });
    expect(server.calls(GENERATE)).toBe(0);
    server.faults.next({ type: 'status', status: 502 }, { endpoint: GENERATE });
    await expectProviderError(client.projectWriter.generate({ projectId: id, scriptId, parameters: ZODIAC }), 'UNAVAILABLE');
    // A write is never retried.
    expect(server.calls(GENERATE)).toBe(1);
  });

  it('refuses malformed ids, duplicate parameters and an empty prompt before any call', async () => {
    const { id, scriptId } = horoscope();
    await expectBadInput(client.projectWriter.generate({ projectId: 'p', scriptId, parameters: [] }));
    await expectBadInput(client.projectWriter.generate({ projectId: id, scriptId, parameters: [...ZODIAC, ZODIAC[0]!] }));
    await expectBadInput(client.projectWriter.generate({ projectId: id, scriptId, parameters: ZODIAC, prompt: ' ' }));
  });

  it('the sandbox validates the custom-prompt body like FastAPI', async () => {
    const { id, scriptId } = horoscope();
    const res = await raw('POST', `/projects/${id}/${scriptId}/generate?zodiac+sign=Leo&lucky+number=3`, { prompt_persona: 'x' });
    expect(res.status).toBe(422);
    expect(res.json.detail).toEqual([{ type: 'missing', loc: ['body', 'prompt'], msg: 'Field required', input: { prompt_persona: 'x' } }]);
  });
});

const edit = (projectAssetId: string): VideoEdit => ({
  version: '1.0',
  outputFormat: 'mp4',
  resolution: '1080x1920',
  fps: 30,
  filename: 'launch-cut.mp4',
  name: 'Launch cut',
  autoVerticalCrop: 'standard',
  clips: [
    {
      videoId: projectAssetId,
      type: 'asset',
      start: '00:00:00',
      end: '00:00:04.500',
      audioLevels: [{ level: 0.8 }],
      crop: { zoom: 1.2, positionX: -0.25, positionY: 0 },
    },
  ],
  audioOverlays: [{ audioId: UNKNOWN, type: 'music', start: '00:00:00', audioLevels: [{ level: 0.3, start: '00:00:00', end: '00:00:04' }] }],
});

describe('Video Jungle render edit', () => {
  const project = () => sandbox.store.projectIds()[2]!;
  const firstAsset = () => sandbox.store.project(project())!.assetIds[0]!;

  it('creates the edit and returns the asset it renders to, and the edit id', async () => {
    const { asset, editId } = await client.projectWriter.renderEdit(project(), edit(firstAsset()));
    expect(editId).toMatch(/^[0-9a-f-]{36}$/);
    expect(asset).toMatchObject({ assetType: 'finished_video', keyname: 'launch-cut.mp4', status: 'PROCESSING', projectId: project() });
    expect(asset.createParameters).toEqual({ video_output_resolution: '1080x1920', video_output_fps: '30', video_output_format: 'mp4' });
    expect(server.callsByEndpoint()).toEqual({ [EDIT]: 1, [GET_ASSET]: 1 });
  });

  it('is NOT_FOUND when a clip names an asset that does not exist', async () => {
    await expectProviderError(client.projectWriter.renderEdit(project(), edit(UNKNOWN)), 'NOT_FOUND');
    expect(server.callsByEndpoint()).toEqual({ [EDIT]: 1 });
  });

  it('refuses a malformed edit before any call', async () => {
    const base = edit(firstAsset());
    const bad: VideoEdit[] = [
      { ...base, resolution: '1080p' },
      { ...base, clips: [{ ...base.clips[0]!, audioLevels: [{ level: 1.5 }] }] },
      { ...base, clips: [{ ...base.clips[0]!, crop: { zoom: 20, positionX: 0, positionY: 0 } }] },
      { ...base, clips: [{ ...base.clips[0]!, videoId: 'clip-1' }] },
      { ...base, clips: [{ ...base.clips[0]!, start: '00:00:05', end: '00:00:01' }] },
      { ...base, clips: [] },
    ];
    for (const e of bad) await expectBadInput(client.projectWriter.renderEdit(project(), e));
  });

  it('the sandbox answers 422 like pydantic for what the model rejects', async () => {
    const path = `/projects/${project()}/create-edit`;
    const wire = {
      video_edit_version: '1.0',
      video_output_format: 'mp4',
      video_output_resolution: '1920x1080',
      video_output_fps: 30,
      video_output_filename: 'x.mp4',
      audio_overlay: [],
      video_series_sequential: [{ video_id: firstAsset(), type: 'asset', video_start_time: '00:00:00', audio_levels: [] }],
    };
    const clip = wire.video_series_sequential[0]!;
    const cases: [unknown, string, (string | number)[]][] = [
      [{ ...wire, video_output_resolution: 1920 }, 'string_type', ['body', 'video_output_resolution']],
      [{ ...wire, video_series_sequential: [{ ...clip, video_id: 'nope' }] }, 'uuid_parsing', ['body', 'video_series_sequential', 0, 'video_id']],
      [
        { ...wire, video_series_sequential: [{ ...clip, audio_levels: [{ audio_level: 1.2 }] }] },
        'less_than_equal',
        ['body', 'video_series_sequential', 0, 'audio_levels', 0, 'audio_level'],
      ],
      [{ ...wire, video_series_sequential: [{ ...clip, crop: { zoom: 0.01 } }] }, 'greater_than_equal', ['body', 'video_series_sequential', 0, 'crop', 'zoom']],
      [
        { ...wire, video_series_sequential: [{ ...clip, video_start_time: '25:00:00' }] },
        'time_parsing',
        ['body', 'video_series_sequential', 0, 'video_start_time'],
      ],
      [{ ...wire, auto_vertical_crop: 'wide' }, 'literal_error', ['body', 'auto_vertical_crop']],
      [{ ...wire, audio_overlay: undefined }, 'missing', ['body', 'audio_overlay']],
    ];
    for (const [body, type, loc] of cases) {
      const res = await raw('POST', path, body);
      expect(res.status).toBe(422);
      expect(res.json.detail[0]).toMatchObject({ type, loc });
    }
    expect((await raw('POST', path, '{"video_edit_version":')).json.detail[0].type).toBe('json_invalid');
    expect((await raw('POST', `/projects/${UNKNOWN}/create-edit`, wire)).status).toBe(404);
    expect((await raw('POST', path, wire)).status).toBe(200);
  });
});

describe('Video Jungle upload', () => {
  const project = () => sandbox.store.projectIds()[1]!;

  it('creates the asset, streams a real File as multipart `file` to the upload URL, reads it back', async () => {
    const before = sandbox.store.project(project())!.assetIds.length;
    const file = new File(['0123456789abcdef'], 'source.mp4', { type: 'video/mp4' });
    const asset = await client.writer.upload({ filename: 'intro.mp4', file, projectId: project(), metadata: { description: 'Intro' } });
    expect(asset).toMatchObject({ keyname: 'intro.mp4', assetType: 'user', description: 'Intro', mediaType: 'VIDEO', projectId: project() });
    expect(asset).toMatchObject({ status: 'PROCESSING', uploaded: false });
    expect(sandbox.store.asset(asset.providerId)?.received).toEqual({ filename: 'intro.mp4', size: 16, type: 'video/mp4' });
    expect(sandbox.store.project(project())!.assetIds).toHaveLength(before + 1);
    expect(server.callsByEndpoint()).toEqual({ [ASSET]: 1, [BYTES]: 1, [GET_ASSET]: 1 });
  });

  it('streams a File-like that is not a Blob (a ponyfill) too, and it lands READY', async () => {
    sandbox.store.writeDelayMs = 100;
    const file = ponyfillFile('ponyfilled bytes', 'x.wav', 'audio/wav');
    const asset = await client.writer.upload({ filename: 'voice "take 2".wav', file, projectId: project() });
    expect(sandbox.store.asset(asset.providerId)?.received).toEqual({ filename: 'voice "take 2".wav', size: 16, type: 'audio/wav' });
    expect(await waitUploaded(asset.providerId)).toBe(true);
    const [ready] = await client.assets.getAssets([asset.providerId]);
    expect(ready).toMatchObject({ status: 'READY', providerStatus: null, mediaType: 'AUDIO' });
  });

  it("streams the File yoga hands over (@whatwg-node/fetch's ponyfill, not a Blob)", async () => {
    const file = new PonyfillFile([new Uint8Array(2 * 1024 * 1024).fill(7)], 'y.mp4', { type: 'video/mp4' });
    expect(file instanceof Blob).toBe(false);
    const asset = await client.writer.upload({ filename: 'y.mp4', file: file as unknown as UploadFile, projectId: project() });
    expect(sandbox.store.asset(asset.providerId)?.received).toEqual({ filename: 'y.mp4', size: 2 * 1024 * 1024, type: 'video/mp4' });
  });

  it('adds a file at any public URL: a url video file the server downloads, then a video reference in the project', async () => {
    sandbox.store.writeDelayMs = 100;
    const url = 'https://cdn.example.com/footage/drone-pass.mp4';
    const asset = await client.writer.upload({ filename: 'drone-pass.mp4', url, projectId: project(), metadata: { description: 'Drone pass' } });
    expect(asset).toMatchObject({ assetType: 'video-reference', status: 'PROCESSING', mediaType: 'VIDEO', description: 'Drone pass', projectId: project() });
    expect(sandbox.uploads.videoFile(asset.keyname!)).toMatchObject({ name: 'drone-pass.mp4', filename: url, uploadMethod: 'url' });
    expect(server.callsByEndpoint()).toEqual({ 'POST /video-file': 1, [ASSET]: 1, [GET_ASSET]: 1 });
    expect(await waitUploaded(asset.providerId)).toBe(true);
  });

  it('deletes the url video file when the reference surely failed (an unknown project)', async () => {
    const files = sandbox.uploads.videoFileIds().length;
    await expectProviderError(client.writer.upload({ filename: 'a.mp4', url: 'https://cdn.example.com/a.mp4', projectId: UNKNOWN }), 'NOT_FOUND');
    expect(server.callsByEndpoint()).toEqual({ 'POST /video-file': 1, [ASSET]: 1, 'DELETE /video-file/:id': 1 });
    expect(sandbox.uploads.videoFileIds()).toHaveLength(files);
  });

  it("the sandbox refuses the project-asset form no source shows ({upload_method: 'url', asset_type: 'youtube-url'})", async () => {
    const body = { upload_method: 'url', asset_type: 'youtube-url', keyname: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', description: '' };
    const res = await raw('POST', `/projects/${project()}/asset`, body);
    expect(res).toEqual({ status: 400, json: { detail: 'Invalid upload_method: url' } });
  });

  it('refuses what Video Jungle would not take, before any call', async () => {
    const file = new File(['x'], 'a.mp4');
    await expectBadInput(client.writer.upload({ filename: 'a.mp4', file }));
    await expectBadInput(client.writer.upload({ filename: 'a.mp4', file, projectId: 'project-1' }));
    await expectBadInput(client.writer.upload({ filename: 'a.mp4', file, url: 'https://youtu.be/dQw4w9WgXcQ', projectId: project() }));
    await expectBadInput(client.writer.upload({ filename: '', file, projectId: project() }));
    await expectBadInput(client.writer.upload({ filename: 'a.mp4', file: new File([], 'a.mp4'), projectId: project() }));
    await expectBadInput(client.writer.upload({ filename: 'a.mp4', file, projectId: project(), metadata: { tags: 'x' } }));
  });

  it('is NOT_FOUND for an unknown project after one call', async () => {
    const file = new File(['x'], 'a.mp4');
    await expectProviderError(client.writer.upload({ filename: 'a.mp4', file, projectId: UNKNOWN }), 'NOT_FOUND');
    expect(server.callsByEndpoint()).toEqual({ [ASSET]: 1 });
  });

  it('deletes the asset it created when the bytes step fails, and rethrows that failure (not retried)', async () => {
    const before = [...sandbox.store.project(project())!.assetIds];
    server.faults.next({ type: 'status', status: 500 }, { endpoint: BYTES });
    const error = await expectProviderError(client.writer.upload({ filename: 'a.mp4', file: new File(['x'], 'a.mp4'), projectId: project() }), 'UNAVAILABLE');
    expect(error.endpoint).toBe('POST {upload_url}');
    expect(server.callsByEndpoint()).toEqual({ [ASSET]: 1, [BYTES]: 1, 'DELETE /assets/:id': 1 });
    expect(sandbox.store.project(project())!.assetIds).toEqual(before);
  });

  it('keeps the asset, and names it, when the bytes step got no answer: Video Jungle may have stored the file', async () => {
    const options = clientOptions();
    const short = track(createVideoJungleClient({ apiKey: KEY, baseUrl: server.url }, { ...options, upstream: { ...options.upstream, uploadTimeoutMs: 300 } }));
    const before = sandbox.store.project(project())!.assetIds.length;
    for (const fault of [{ type: 'drop' }, { type: 'hang' }] as const) {
      server.faults.next(fault, { endpoint: BYTES });
      const error = await expectProviderError(short.writer.upload({ filename: 'a.mp4', file: new File(['x'], 'a.mp4'), projectId: project() }), 'UNAVAILABLE');
      expect(error.detail).toMatch(/no reply came back, so Video Jungle may have completed it: the asset [0-9a-f-]{36} was kept/);
    }
    expect(server.calls('DELETE /assets/:id')).toBe(0);
    expect(sandbox.store.project(project())!.assetIds).toHaveLength(before + 2);
  });

  it('keeps the asset when the bytes step answered a success it could not read: Video Jungle stored the file', async () => {
    const before = sandbox.store.project(project())!.assetIds.length;
    server.faults.next({ type: 'malformed' }, { endpoint: BYTES });
    const error = await expectProviderError(client.writer.upload({ filename: 'a.mp4', file: new File(['x'], 'a.mp4'), projectId: project() }), 'BAD_RESPONSE');
    expect(error.detail).toMatch(/its success reply could not be read, so Video Jungle may have completed it: the asset [0-9a-f-]{36} was kept/);
    expect(server.calls('DELETE /assets/:id')).toBe(0);
    expect(sandbox.store.project(project())!.assetIds).toHaveLength(before + 1);
  });

  it('names the asset it could not remove when the cleanup fails too', async () => {
    const before = sandbox.store.project(project())!.assetIds.length;
    server.faults.next({ type: 'status', status: 500 }, { endpoint: BYTES });
    server.faults.next({ type: 'status', status: 500 }, { endpoint: 'DELETE /assets/:id' });
    const error = await expectProviderError(client.writer.upload({ filename: 'a.mp4', file: new File(['x'], 'a.mp4'), projectId: project() }), 'UNAVAILABLE');
    const left = sandbox.store.project(project())!.assetIds.at(-1)!;
    expect(sandbox.store.project(project())!.assetIds).toHaveLength(before + 1);
    expect(error.detail).toContain(`the asset ${left} it created first could not be removed`);
  });

  it('the sandbox needs the `file` part on the upload step', async () => {
    const res = await raw('POST', `/projects/${project()}/asset`, { asset_type: 'user', keyname: 'b.mp4' });
    expect(res.json.upload_url.url).toBe(`/assets/${res.json.id}/upload`);
    const form = new FormData();
    form.append('other', 'x');
    const sent = await fetch(`${server.url}${res.json.upload_url.url}`, { method: 'POST', headers: { 'x-api-key': KEY }, body: form });
    expect(sent.status).toBe(422);
    expect((await sent.json()).detail[0]).toMatchObject({ type: 'missing', loc: ['body', 'file'] });
    expect((await raw('POST', `/projects/${project()}/asset`, { asset_type: 'user' })).json.detail[0]).toMatchObject({ loc: ['body', 'keyname'] });
    expect((await raw('POST', `/projects/${project()}/asset`, { asset_type: 'youtube-url', keyname: 'https://vimeo.com/1' })).status).toBe(400);
  });
});

/** Completes a presigned POST the way a browser would: the fields, then the file last. */
async function postToS3(target: { url: string; fields: { name: string; value: string }[] }, change?: Record<string, string>) {
  const form = new FormData();
  for (const { name, value } of target.fields) form.append(name, change?.[name] ?? value);
  form.append('file', new File(['fake mp4 bytes'], 'big.mp4', { type: 'video/mp4' }));
  return fetch(target.url, { method: 'POST', body: form });
}

describe('Video Jungle upload targets (direct method)', () => {
  const project = () => sandbox.store.projectIds()[3]!;
  const input = () => ({ filename: 'keynote-4k.mp4', mimeType: 'video/mp4', sizeBytes: 3_000_000_000, projectId: project() });

  it('returns the presigned POST and the PENDING video-reference asset it will become', async () => {
    const target = await client.writer.createUploadTarget(input());
    expect(target).toMatchObject({ method: 'POST', headers: [], parts: [], chunkSizeBytes: null, uploadId: null });
    expect(target.url).toBe(`${server.url}/__s3/video-jungle-uploads`);
    expect(target.fields.map((f) => f.name)).toEqual(['key', 'x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'policy', 'x-amz-signature']);
    expect(target.expiresAt!.getTime() - Date.now()).toBeGreaterThan(3_500_000);
    expect(target.asset).toMatchObject({ assetType: 'video-reference', status: 'PENDING', providerStatus: 'queued', uploaded: false, projectId: project() });
    const videoFileId = (target.asset as { keyname: string }).keyname;
    expect(sandbox.uploads.videoFile(videoFileId)).toMatchObject({ name: 'keynote-4k.mp4', uploadMethod: 'direct', status: 'pending' });
    expect(server.callsByEndpoint()).toEqual({ 'POST /video-file': 1, [ASSET]: 1, [GET_ASSET]: 1 });
  });

  it('completing the S3 POST moves the asset to PROCESSING, then READY', async () => {
    const target = await client.writer.createUploadTarget(input());
    const id = target.asset!.providerId;
    expect((await postToS3(target)).status).toBe(204);
    expect(server.calls('POST /__s3/video-jungle-uploads')).toBe(1);
    expect((await client.assets.getAssets([id]))[0]?.status).toBe('PROCESSING');
    sandbox.store.settlePendingIn(50);
    expect(await waitUploaded(id)).toBe(true);
  });

  it('the fake S3 checks the signed fields, the file and the form, with S3 XML errors', async () => {
    const target = await client.writer.createUploadTarget(input());
    const tampered = await postToS3(target, { 'x-amz-signature': '0'.repeat(64) });
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const form = new FormData();
    form.append('file', new File(['x'], 'x.mp4'));
    for (const { name, value } of target.fields) form.append(name, value);
    const late = await fetch(target.url, { method: 'POST', body: form });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("must contain a field named 'key'");
    expect((await fetch(target.url, { method: 'POST', body: 'x' })).status).toBe(412);
    expect(sandbox.store.asset(target.asset!.providerId)?.status).toBe('queued');
  });

  it('refuses a target without a project, a non-video type or an impossible size, before any call', async () => {
    await expectBadInput(client.writer.createUploadTarget({ ...input(), projectId: undefined }));
    await expectBadInput(client.writer.createUploadTarget({ ...input(), mimeType: 'image/png' }));
    await expectBadInput(client.writer.createUploadTarget({ ...input(), sizeBytes: 0 }));
    await expectBadInput(client.writer.createUploadTarget({ ...input(), sizeBytes: 6 * 1024 ** 3 }));
  });

  it('deletes the video file it created when adding it to the project fails', async () => {
    const files = sandbox.uploads.videoFileIds().length;
    await expectProviderError(client.writer.createUploadTarget({ ...input(), projectId: UNKNOWN }), 'NOT_FOUND');
    expect(server.callsByEndpoint()).toEqual({ 'POST /video-file': 1, [ASSET]: 1, 'DELETE /video-file/:id': 1 });
    expect(sandbox.uploads.videoFileIds()).toHaveLength(files);
  });
});

describe('Video Jungle delete', () => {
  const project = () => sandbox.store.projectIds()[4]!;
  const created = async (n: number) => {
    const { id, scriptId } = horoscope();
    const assets = [];
    for (let i = 0; i < n; i++) assets.push(await client.projectWriter.generate({ projectId: id, scriptId, parameters: ZODIAC }));
    server.resetCounters();
    return assets.map((a) => a.providerId);
  };

  it('deletes one call per id; unknown ids fail NOT_FOUND, malformed ones fail without a call', async () => {
    const ids = await created(2);
    const result = await client.writer.deleteAssets([...ids, UNKNOWN, 'not-a-uuid'], { force: false });
    expect(result.deleted).toEqual(ids);
    expect(result.failed.map((f) => f.id)).toEqual([UNKNOWN, 'not-a-uuid']);
    expect((result.failed[0]!.error as ProviderError).kind).toBe('NOT_FOUND');
    expect(result.failed[1]!.error).toBeInstanceOf(DomainError);
    expect(server.callsByEndpoint()).toEqual({ 'DELETE /assets/:id': 3 });
    expect(await client.assets.getAssets(ids)).toEqual([]);
    const listed = await client.projects.listProjectAssets(horoscope().id);
    expect(listed.map((a) => a.providerId)).not.toContain(ids[0]);
  });

  it('deletes a seeded asset: it disappears from the project list', async () => {
    const id = sandbox.store.project(project())!.assetIds[0]!;
    expect(await client.writer.deleteAssets([id], { force: false })).toEqual({ deleted: [id], failed: [] });
    expect((await client.projects.getProject(project())).assets?.map((a) => a.providerId)).not.toContain(id);
  });

  it('reports a 5xx for its id without retrying it, and bounds the calls in flight', async () => {
    const ids = await created(12);
    server.latencyMs = 30;
    server.faults.next({ type: 'status', status: 503 }, { endpoint: 'DELETE /assets/:id' });
    const result = await client.writer.deleteAssets(ids, { force: true });
    expect(result.deleted).toHaveLength(11);
    expect(result.failed).toHaveLength(1);
    expect((result.failed[0]!.error as ProviderError).kind).toBe('UNAVAILABLE');
    expect(server.calls('DELETE /assets/:id')).toBe(12);
    expect(server.maxInFlight).toBeLessThanOrEqual(8);
    expect(server.maxInFlight).toBeGreaterThan(1);
  });
});
