import { describe, expect, it } from 'vitest';
import { VideoEditCreate } from '../../../sandbox/videojungle/models.js';
import { float, model, optional, parseBody, str, time, uuid, type Issue } from '../../../sandbox/videojungle/pydantic.js';
import { seedVideoJungle } from '../../../sandbox/videojungle/seed.js';
import { VideoJungleStore } from '../../../sandbox/videojungle/store.js';
import { VideoJungleUploads } from '../../../sandbox/videojungle/uploads.js';
import { VideoJungleWrites } from '../../../sandbox/videojungle/writes.js';

const clock = (start = 1_000_000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('the sandbox pydantic subset', () => {
  it('reports every problem with FastAPI loc paths, and applies defaults', () => {
    const m = model('M', { a: str, b: optional(float({ ge: 0 }), 5), c: uuid });
    const issues: Issue[] = [];
    expect(m({ a: 1, b: -1 }, ['body'], issues)).toBeUndefined();
    expect(issues.map((i) => [i.type, i.loc])).toEqual([
      ['string_type', ['body', 'a']],
      ['greater_than_equal', ['body', 'b']],
      ['missing', ['body', 'c']],
    ]);
    expect(m({ a: 'x', c: '123E4567E89B12D3A456426614174000' }, ['body'], [])).toEqual({
      a: 'x',
      b: 5,
      c: '123e4567-e89b-12d3-a456-426614174000',
    });
  });

  it('reads lax floats and times as pydantic does', () => {
    expect(float()('29.97', [], [])).toBe(29.97);
    expect(float()(true, [], [])).toBeUndefined();
    expect(time('00:01', [], [])).toBe('00:01');
    expect(time('23:59:59.999999', [], [])).toBe('23:59:59.999999');
    expect(time('24:00:00', [], [])).toBeUndefined();
  });

  it('parses bodies: an empty one is missing, broken JSON is json_invalid', () => {
    expect(parseBody(Buffer.alloc(0), VideoEditCreate)).toEqual({ issues: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] });
    const broken = parseBody(Buffer.from('{'), VideoEditCreate);
    expect('issues' in broken && broken.issues[0]!.type).toBe('json_invalid');
  });
});

describe('the sandbox write state', () => {
  const setup = () => {
    const c = clock();
    const store = new VideoJungleStore(seedVideoJungle(), { now: c.now, pendingDelayMs: 60_000, writeDelayMs: 4000 });
    const uploads = new VideoJungleUploads(new VideoJungleWrites(store));
    return { c, store, uploads, writes: uploads.writes };
  };

  it('a generated asset processes for writeDelayMs, then is uploaded, in every body', () => {
    const { c, store, writes } = setup();
    const project = store.project(store.projectIds()[0]!)!;
    const res = writes.generate(project as never, String(project.scripts[0]!.id), new URLSearchParams('zodiac+sign=Leo&lucky+number=3'), null);
    const { asset_id: id } = JSON.parse(res.body as string);
    expect(JSON.parse(store.assetBody(id)!)).toMatchObject({ status: 'processing', uploaded: false, url: null });
    c.advance(3999);
    expect(JSON.parse(store.checkBody(id)!)).toEqual({ uploaded: false });
    c.advance(1);
    expect(JSON.parse(store.assetBody(id)!)).toMatchObject({ status: 'uploaded', uploaded: true });
    expect(JSON.parse(store.projectBody(project.id)!).assets.at(-1).id).toBe(id);
  });

  it('is deterministic: the same writes make the same ids', () => {
    const ids = () => {
      const { writes } = setup();
      return JSON.parse(writes.createProject({ name: 'n', description: '', data: null, template_key: null, prompt_id: null }).body as string).id;
    };
    expect(ids()).toBe(ids());
  });

  it('a video reference waits for its bytes; settlePendingIn leaves it waiting', () => {
    const { c, store, uploads } = setup();
    const project = store.project(store.projectIds()[1]!)!;
    const video = JSON.parse(uploads.createVideoFile({ name: 'v', filename: 'v.mp4', upload_method: 'direct' }, 'h').body as string).video;
    const ref = uploads.createAsset(project as never, { upload_method: 'video-reference', asset_type: 'video-reference', keyname: video.id, description: '' });
    const { id } = JSON.parse(ref.body as string);
    store.settlePendingIn(0);
    c.advance(10_000);
    expect(store.asset(id)).toMatchObject({ status: 'queued', uploaded: false, landsAt: null });
    store.removeProject(project.id);
    expect(store.asset(id)).toBeUndefined();
    expect(uploads.videoFile(video.id)?.status).toBe('pending');
  });
});
