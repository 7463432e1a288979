import { describe, expect, it } from 'vitest';
import { mapVjAsset, mapVjProject, pageVjAssets, parseVjTimestamp, vjCreateParameters, vjMediaType, vjStatus } from '../../../src/providers/videojungle/map.js';
import { vjAsset, vjAssetCreated, vjProject, vjProjectList } from '../../../src/providers/videojungle/wire.js';
import type { VideoJungleAsset } from '../../../src/providers/videojungle/types.js';

// The docs' GET /assets/{id} example, verbatim.
const DOCS_ASSET = {
  asset_path: null,
  id: '07f0af3e-63ae-447b-b790-c8b535f93b7c',
  created_at: '2024-05-29T17:53:31.542046',
  key: '756a7f80-8dec-4b50-a32d-53d5703761dc',
  project_id: '9c5e9ddd-2b99-49a5-9188-9dc10e06de67',
  keyname: 'ca8e8db3-a7a2-45d7-8dcb-9fe4ce88a00f',
  asset_type: 'generated_video',
  status: 'uploaded',
  uploaded: true,
  project: {
    data: '',
    name: 'horoscope',
    id: '9c5e9ddd-2b99-49a5-9188-9dc10e06de67',
    description: null,
    created_at: '2024-01-18T01:59:24.936952',
    owner_id: '612afec9-bcb2-47ca-807b-756d6e83b4b7',
  },
};

const userAsset = (over: Record<string, unknown> = {}) =>
  vjAsset.parse({
    id: '1d3f8b04-78d9-4ab9-ba49-16d20b35baf3',
    keyname: 'intro-clip.mp4',
    url: 'https://vj-video.s3.us-east-1.amazonaws.com/o/p/k?X-Amz-Signature=abc',
    download_url: 'https://vj-video.s3.us-east-1.amazonaws.com/o/p/k?response-content-disposition=attachment',
    asset_path: 'o/p/intro-clip.mp4',
    asset_type: 'user',
    created_at: '2024-07-18T20:34:36.635833',
    description: 'Opening title sequence',
    generated_description: 'A person speaks to the camera',
    create_parameters: null,
    status: null,
    uploaded: true,
    ...over,
  });

describe('parseVjTimestamp', () => {
  it('reads a zoneless timestamp with microseconds as UTC, cut to milliseconds', () => {
    expect(parseVjTimestamp('2024-07-16T12:13:05.899678')?.toISOString()).toBe('2024-07-16T12:13:05.899Z');
  });
  it('keeps an explicit zone and accepts no fraction', () => {
    expect(parseVjTimestamp('2024-07-16T12:13:05+02:00')?.toISOString()).toBe('2024-07-16T10:13:05.000Z');
    expect(parseVjTimestamp('2024-07-16 12:13:05.5Z')?.toISOString()).toBe('2024-07-16T12:13:05.500Z');
  });
  it('is null for missing or unreadable values', () => {
    expect(parseVjTimestamp(null)).toBeNull();
    expect(parseVjTimestamp('yesterday')).toBeNull();
    expect(parseVjTimestamp('2024-13-45T99:00:00')).toBeNull();
  });
});

describe('vjMediaType', () => {
  it('treats generated and referenced assets as video whatever their key', () => {
    for (const t of ['finished_video', 'generated_video', 'youtube-url', 'video-reference']) {
      expect(vjMediaType(t, '9594f44b-769f-4331-b8ff-b5a8b80d9725', null)).toBe('VIDEO');
    }
  });
  it('maps the video, video_edit, image and audio types without an extension in the key (VJ-MCP)', () => {
    const key = '9594f44b-769f-4331-b8ff-b5a8b80d9725';
    expect(vjMediaType('video', key, null)).toBe('VIDEO');
    expect(vjMediaType('video_edit', key, null)).toBe('VIDEO');
    expect(vjMediaType('image', key, null)).toBe('IMAGE');
    expect(vjMediaType('audio', key, null)).toBe('AUDIO');
    // The type wins over a misleading extension.
    expect(vjMediaType('audio', 'narration.mp4', null)).toBe('AUDIO');
  });
  it('reads uploads from the keyname, then the asset path', () => {
    expect(vjMediaType('user', 'logo.PNG', null)).toBe('IMAGE');
    expect(vjMediaType('user', 'voiceover.mp3')).toBe('AUDIO');
    expect(vjMediaType('user', 'transcript.srt')).toBe('TEXT');
    expect(vjMediaType('user', 'b-roll.mov')).toBe('VIDEO');
    expect(vjMediaType('user', 'uuid-without-extension', 'owner/project/clip.webm?sig=1')).toBe('VIDEO');
    expect(vjMediaType('user', 'archive.zip', null)).toBe('OTHER');
  });
  it('is null for an undocumented type without a known extension', () => {
    expect(vjMediaType('mystery', 'thing', null)).toBeNull();
    expect(vjMediaType(null, 'still.jpg', null)).toBe('IMAGE');
  });
});

describe('vjStatus', () => {
  it('maps readiness and the status values seen', () => {
    expect(vjStatus(true, 'processing')).toBe('READY');
    expect(vjStatus(true, null)).toBe('READY');
    expect(vjStatus(false, 'failed')).toBe('FAILED');
    expect(vjStatus(false, 'ERROR')).toBe('FAILED');
    expect(vjStatus(false, 'processing')).toBe('PROCESSING');
    expect(vjStatus(false, 'queued')).toBe('PENDING');
    expect(vjStatus(false, null)).toBe('PENDING');
    expect(vjStatus(false, 'analyzed')).toBe('PROCESSING');
    // No `uploaded` in the reply: the status says whether the file is in.
    expect(vjStatus(undefined, 'uploaded')).toBe('READY');
    expect(vjStatus(null, 'analyzed')).toBe('READY');
    expect(vjStatus(undefined, 'processing')).toBe('PROCESSING');
    expect(vjStatus(undefined, null)).toBe('PENDING');
  });
});

describe('vjCreateParameters', () => {
  it('parses a JSON string, keeps a non-JSON one, passes objects and nulls through', () => {
    expect(vjCreateParameters('{"zodiac sign":"Aries"}')).toEqual({ 'zodiac sign': 'Aries' });
    expect(vjCreateParameters('not json')).toBe('not json');
    expect(vjCreateParameters({ a: '1' })).toEqual({ a: '1' });
    expect(vjCreateParameters(undefined)).toBeNull();
  });
});

describe('mapVjAsset', () => {
  it('maps the docs example of GET /assets/{id}', () => {
    const asset = mapVjAsset(vjAsset.parse(DOCS_ASSET));
    expect(asset).toMatchObject({
      provider: 'VIDEO_JUNGLE',
      providerId: '07f0af3e-63ae-447b-b790-c8b535f93b7c',
      name: 'ca8e8db3-a7a2-45d7-8dcb-9fe4ce88a00f',
      mediaType: 'VIDEO',
      status: 'READY',
      providerStatus: 'uploaded',
      url: null,
      assetType: 'generated_video',
      uploaded: true,
      projectId: '9c5e9ddd-2b99-49a5-9188-9dc10e06de67',
      createParameters: null,
    });
    expect(asset.createdAt?.toISOString()).toBe('2024-05-29T17:53:31.542Z');
  });

  it('maps an upload with every field, and takes the project id from the container', () => {
    const asset = mapVjAsset(userAsset(), 'p-1');
    expect(asset).toMatchObject({
      name: 'intro-clip.mp4',
      keyname: 'intro-clip.mp4',
      mediaType: 'VIDEO',
      assetPath: 'o/p/intro-clip.mp4',
      description: 'Opening title sequence',
      generatedDescription: 'A person speaks to the camera',
      providerStatus: null,
      projectId: 'p-1',
    });
    expect(asset.downloadUrl).toContain('response-content-disposition');
  });

  it('falls back to the description for a name, and reads the embedded project id', () => {
    const asset = mapVjAsset(vjAsset.parse({ id: 'a', keyname: null, description: 'Narration', project: { id: 'p-9' } }));
    expect(asset.name).toBe('Narration');
    expect(asset.projectId).toBe('p-9');
    expect(asset.uploaded).toBe(false);
    expect(asset.status).toBe('PENDING');
  });
});

describe('mapVjProject', () => {
  const wire = {
    id: '2ec097cd-1fff-4824-a7bf-a0e14281f4e5',
    name: 'I Ching',
    description: 'Claude Generated I Ching',
    data: { generation_method: 'edit' },
    created_at: '2024-07-16T12:13:05.899678',
    owner_id: '612afec9-bcb2-47ca-807b-756d6e83b4b7',
    asset_count: 1,
    assets: [{ id: '1d3f8b04-78d9-4ab9-ba49-16d20b35baf3', keyname: 'x.mp4', asset_type: 'generated_video', uploaded: true }],
    prompts: [],
    scripts: [],
  };

  it('maps the fields and the embedded assets', () => {
    const project = mapVjProject(vjProject.parse(wire));
    expect(project).toMatchObject({ name: 'I Ching', data: { generation_method: 'edit' }, assetCount: 1 });
    expect(project.createdAt?.toISOString()).toBe('2024-07-16T12:13:05.899Z');
    expect((project.assets?.[0] as VideoJungleAsset | undefined)?.projectId).toBe(wire.id);
  });

  it('reads scripts leniently: a bare-string input is its name; what cannot be read is left out, not the project', () => {
    const scripts = [
      { id: 's1', name: 'Horoscope', inputs: [{ name: 'zodiac', type: 'string' }, 'topic', 42, { type: 'string' }] },
      { name: 'no id' },
      { id: 's2', name: 7, inputs: 'not a list' },
    ];
    const project = mapVjProject(vjProject.parse({ id: 'p', name: 'Odd', scripts }));
    expect(project.scripts).toEqual([
      {
        id: 's1',
        name: 'Horoscope',
        parameters: [
          { name: 'zodiac', type: 'string', description: null },
          { name: 'topic', type: null, description: null },
        ],
      },
      { id: 's2', name: null, parameters: [] },
    ]);
    expect(mapVjProject(vjProject.parse({ id: 'p', name: 'Odd', scripts: 'none' })).scripts).toBeNull();
  });

  it('keeps string data and gives null assets when none are embedded', () => {
    const project = mapVjProject(vjProject.parse({ id: 'p', name: 'Horoscope', data: '' }));
    expect(project.data).toBe('');
    expect(project.assets).toBeNull();
    expect(project.createdAt).toBeNull();
  });
});

describe('vjAssetCreated', () => {
  it("needs only upload_url.url (VJ-PY reads nothing else of step 1's reply)", () => {
    expect(vjAssetCreated.parse({ upload_url: { url: '/assets/x/upload' } })).toEqual({ upload_url: { url: '/assets/x/upload' } });
  });
});

describe('pageVjAssets', () => {
  const projects = vjProjectList.parse([
    {
      id: 'p1',
      name: 'one',
      assets: [
        { id: 'b', keyname: 'logo.png', asset_type: 'user', created_at: '2024-01-02T00:00:00.000001', uploaded: true },
        { id: 'a', keyname: 'clip.mp4', asset_type: 'user', created_at: '2024-01-02T00:00:00.000001', uploaded: true },
      ],
    },
    {
      id: 'p2',
      name: 'two',
      assets: [
        { id: 'c', keyname: 'final.mp4', asset_type: 'finished_video', created_at: '2024-03-01T00:00:00', description: 'Launch CUT' },
        { id: 'a', keyname: 'clip.mp4', asset_type: 'user', created_at: '2024-01-02T00:00:00.000001', uploaded: true },
      ],
    },
  ]);

  it('flattens, dedupes and sorts newest first, ties by id', () => {
    const page = pageVjAssets(projects, { offset: 0, limit: 10 }, {});
    expect(page.items.map((a) => a.providerId)).toEqual(['c', 'a', 'b']);
    expect(page).toMatchObject({ hasNextPage: false, totalCount: 3 });
  });

  it('windows the list', () => {
    const page = pageVjAssets(projects, { offset: 1, limit: 1 }, {});
    expect(page.items.map((a) => a.providerId)).toEqual(['a']);
    expect(page).toMatchObject({ hasNextPage: true, totalCount: 3 });
  });

  it('filters by search (case-insensitive) and media type before counting', () => {
    expect(pageVjAssets(projects, { offset: 0, limit: 10 }, { search: 'launch cut' }).items.map((a) => a.providerId)).toEqual(['c']);
    const images = pageVjAssets(projects, { offset: 0, limit: 10 }, { mediaType: 'IMAGE' });
    expect(images.items.map((a) => a.providerId)).toEqual(['b']);
    expect(images.totalCount).toBe(1);
  });
});
