import { describe, expect, it } from 'vitest';
import { createRunwaySandbox } from '../../../sandbox/runway/index.js';
import { seedRunwayRecords } from '../../../sandbox/runway/seed.js';

describe('Runway sandbox store', () => {
  const { store } = createRunwaySandbox();

  it('seeds the same library every time', () => {
    expect(seedRunwayRecords()).toEqual(seedRunwayRecords());
    expect(createRunwaySandbox().store.listed()).toEqual(store.listed());
  });

  it('holds 60 listed assets newest first, of all three media types, and 2 unlisted', () => {
    const listed = store.listed();
    expect(listed).toHaveLength(60);
    const times = listed.map((a) => a.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(store.listed('video')).toHaveLength(30);
    expect(store.listed('image')).toHaveLength(24);
    expect(store.listed('audio')).toHaveLength(6);
    expect(store.unlisted()).toHaveLength(2);
    expect(store.size).toBe(62);
  });

  it('uses useapi id formats, tasks only on generations, and null metadata on images', () => {
    for (const a of store.listed()) {
      expect(a.assetId).toBe(`user:1234-runwayml:sandbox@assetfed.dev-asset:${a.id}`);
      expect(a.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      if (a.isUserUpload) expect(a.taskId).toBeUndefined();
      else expect(a.taskId).toMatch(/^user:1234-runwayml:sandbox@assetfed\.dev-task:[0-9a-f-]{36}$/);
      if (a.mediaType === 'image') expect(a.metadata).toBeNull();
    }
    const videos = store.listed('video');
    expect(videos.some((v) => v.metadata && 'dimensions' in v.metadata)).toBe(true);
    expect(videos.some((v) => v.metadata && 'hasAudio' in v.metadata)).toBe(true);
  });

  it('pages as JSON slices and keeps unlisted assets readable by id', () => {
    const page = JSON.parse(store.pageJson(55, 50)) as { assetId: string }[];
    expect(page.map((a) => a.assetId)).toEqual(
      store
        .listed()
        .slice(55)
        .map((a) => a.assetId),
    );
    const hidden = store.unlisted()[0]!;
    expect(store.get(hidden.assetId)).toEqual(hidden);
    expect(JSON.parse(store.json(hidden.assetId)!)).toEqual(hidden);
  });
});
