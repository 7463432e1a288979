import { describe, expect, it } from 'vitest';
import type { ProviderHttp, RequestSpec } from '../../../src/providers/http/index.js';
import type { Project } from '../../../src/providers/types.js';
import type { VideoJungleAsset } from '../../../src/providers/videojungle/types.js';
import { createVjProjectWriter } from '../../../src/providers/videojungle/project-writer.js';
import { createVjWriter } from '../../../src/providers/videojungle/writer.js';

const P = '2ec097cd-1fff-4824-a7bf-a0e14281f4e5';
const S = '9c5e9ddd-2b99-49a5-9188-9dc10e06de67';
const A = '07f0af3e-63ae-447b-b790-c8b535f93b7c';

/** An http stand-in that records each request and answers from a queue: the exact wire, no sockets. */
function recorder(replies: unknown[]) {
  const sent: RequestSpec<unknown>[] = [];
  const http = {
    request: async (spec: RequestSpec<unknown>) => {
      sent.push(spec);
      return spec.schema.parse(replies.shift());
    },
  } as unknown as ProviderHttp;
  const fetched: string[] = [];
  const fetchAsset = async (id: string) => {
    fetched.push(id);
    return { providerId: id } as VideoJungleAsset;
  };
  const getProject = async (id: string) => {
    fetched.push(id);
    return { id } as Project;
  };
  return { http, sent, fetched, fetchAsset, read: { fetchAsset, getProject } };
}

describe('Video Jungle write requests', () => {
  it('createProject sends the SDK body, then GETs the project', async () => {
    const r = recorder([{ id: P }]);
    await createVjProjectWriter(r.http, r.read).createProject({ name: 'Horoscope', promptId: S });
    expect(r.sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /projects']);
    expect(r.fetched).toEqual([P]);
    expect(JSON.parse(r.sent[0]!.body as string)).toEqual({
      name: 'Horoscope',
      description: '',
      data: 'prompt-to-video',
      template_key: 'prompt-to-video',
      prompt_id: S,
    });
    expect(r.sent[0]!.headers).toEqual({ 'content-type': 'application/json' });
    expect(r.sent[0]!.idempotent).toBeUndefined();
  });

  it('generate puts the parameters in the query string, and a custom prompt in the body', async () => {
    const r = recorder([{ asset_id: A, asset_key: 'k' }, { asset_id: A }]);
    const writer = createVjProjectWriter(r.http, r.read);
    await writer.generate({ projectId: P, scriptId: S, parameters: [{ name: 'zodiac sign', value: 'Aries' }] });
    expect(r.sent[0]!.path).toBe(`/projects/${P}/${S}/generate?zodiac+sign=Aries`);
    expect(r.sent[0]!.body).toBeUndefined();
    await writer.generate({ projectId: P, scriptId: S, parameters: [], prompt: 'tea', promptPersona: 'Calm narrator' });
    expect(r.sent[1]!.path).toBe(`/projects/${P}/${S}/generate`);
    expect(JSON.parse(r.sent[1]!.body as string)).toEqual({ prompt: 'tea', prompt_persona: 'Calm narrator', render_prompt: false });
    // Each generate reads the project first (its scripts; none listed here), then the asset it made.
    expect(r.fetched).toEqual([P, A, P, A]);
  });

  it('renderEdit posts the VideoEditCreate and returns the edit id', async () => {
    const r = recorder([{ asset_id: A, asset_key: 'k', edit_id: S }]);
    const edit = {
      version: '1.0',
      outputFormat: 'mp4',
      resolution: '1920x1080',
      fps: 29.97,
      filename: 'o.mp4',
      clips: [{ videoId: A, type: 'asset', start: '00:00:01', audioLevels: [] }],
      audioOverlays: [],
    };
    const result = await createVjProjectWriter(r.http, r.read).renderEdit(P, edit);
    expect(result.editId).toBe(S);
    expect(r.sent[0]!.path).toBe(`/projects/${P}/create-edit`);
    expect(JSON.parse(r.sent[0]!.body as string)).toEqual({
      video_edit_version: '1.0',
      video_output_format: 'mp4',
      video_output_resolution: '1920x1080',
      video_output_fps: 29.97,
      video_output_filename: 'o.mp4',
      video_series_sequential: [{ video_id: A, type: 'asset', video_start_time: '00:00:01', audio_levels: [] }],
      audio_overlay: [],
    });
  });

  it('upload: step 1 JSON, step 2 multipart on the relative upload path, then the uploaded id is read', async () => {
    const r = recorder([{ id: A, upload_url: { url: `/assets/${A}/upload` } }, { id: A }]);
    const writer = createVjWriter({ http: r.http, baseUrl: 'https://api.video-jungle.com', concurrency: 4, fetchAsset: r.fetchAsset });
    await writer.upload({ filename: 'clip.mp4', file: new File(['x'], 'x.mp4'), projectId: P });
    expect(JSON.parse(r.sent[0]!.body as string)).toEqual({ upload_method: 'file-no-chunk', asset_type: 'user', keyname: 'clip.mp4', description: '' });
    expect(r.sent[1]).toMatchObject({ method: 'POST', path: `/assets/${A}/upload`, endpoint: 'POST {upload_url}' });
    expect(r.fetched).toEqual([A]);
  });

  it('upload: an absolute upload URL is used only below the API base; elsewhere the asset is removed', async () => {
    const ok = recorder([{ id: A, upload_url: { url: `https://api.video-jungle.com/assets/${A}/upload` } }, { id: A }]);
    const base = { baseUrl: 'https://api.video-jungle.com/', concurrency: 4 };
    await createVjWriter({ ...base, http: ok.http, fetchAsset: ok.fetchAsset }).upload({ filename: 'a.mp4', file: new File(['x'], 'a'), projectId: P });
    expect(ok.sent[1]!.path).toBe(`/assets/${A}/upload`);
    const far = recorder([{ id: A, upload_url: { url: 'https://elsewhere.example/upload' } }, {}]);
    const writer = createVjWriter({ ...base, http: far.http, fetchAsset: far.fetchAsset });
    await expect(writer.upload({ filename: 'a.mp4', file: new File(['x'], 'a'), projectId: P })).rejects.toMatchObject({ kind: 'BAD_RESPONSE' });
    expect(far.sent.map((s) => `${s.method} ${s.path}`)).toEqual([`POST /projects/${P}/asset`, `DELETE /assets/${A}`]);
  });

  it('a URL (any, not only YouTube) becomes a url video file, then a video-reference asset naming it', async () => {
    for (const reply of [{ video: { id: S } }, { id: S }]) {
      const r = recorder([reply, { id: A }]);
      const writer = createVjWriter({ http: r.http, baseUrl: 'https://api.video-jungle.com', concurrency: 4, fetchAsset: r.fetchAsset });
      const url = 'https://cdn.example.com/footage/take-3.mp4?sig=1';
      await writer.upload({ filename: 'take-3.mp4', url, projectId: P, metadata: { description: 'Ref' } });
      expect(r.sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /video-file', `POST /projects/${P}/asset`]);
      expect(JSON.parse(r.sent[0]!.body as string)).toEqual({ name: 'take-3.mp4', filename: url, upload_method: 'url' });
      // The server may download the file before it answers: an upload's timeouts.
      expect(r.sent[0]!.upload).toBe(true);
      expect(JSON.parse(r.sent[1]!.body as string)).toEqual({
        upload_method: 'video-reference',
        asset_type: 'video-reference',
        keyname: S,
        description: 'Ref',
      });
      expect(r.fetched).toEqual([A]);
    }
  });

  it('createUploadTarget: a direct video file, then a video-reference asset in the project', async () => {
    const presigned = { url: 'https://s3.example/bucket', fields: { key: 'k' } };
    const r = recorder([{ upload_url: presigned, video: { id: S } }, { id: A }]);
    const writer = createVjWriter({ http: r.http, baseUrl: 'https://api.video-jungle.com', concurrency: 4, fetchAsset: r.fetchAsset });
    const target = await writer.createUploadTarget({ filename: 'big.mp4', mimeType: 'video/mp4', sizeBytes: 10, projectId: P });
    expect(JSON.parse(r.sent[0]!.body as string)).toEqual({ name: 'big.mp4', filename: 'big.mp4', upload_method: 'direct' });
    expect(JSON.parse(r.sent[1]!.body as string)).toEqual({ upload_method: 'video-reference', asset_type: 'video-reference', keyname: S, description: '' });
    expect(target).toMatchObject({ url: presigned.url, fields: [{ name: 'key', value: 'k' }], expiresAt: null, asset: { providerId: A } });
  });
});
