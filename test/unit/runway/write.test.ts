import { describe, expect, it } from 'vitest';
import { mapRunwayUpload } from '../../../src/providers/runway/map.js';
import { resolveRunwayUploadType, RUNWAY_UPLOAD_TYPES, runwayUploadType } from '../../../src/providers/runway/media-types.js';
import { runwayDeleteReplySchema, runwayUploadReplySchema } from '../../../src/providers/runway/wire.js';
import { createRunwaySandbox } from '../../../sandbox/runway/index.js';
import { uploadRecord } from '../../../sandbox/runway/uploads.js';

const ASSET_ID = 'user:1234-runwayml:jane@example.com-asset:5b1f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b';
const user = {
  id: 1234567,
  username: 'jane',
  firstName: 'Jane',
  lastName: 'Doe',
  picture: null,
  teamName: 'Studio',
  teamPicture: null,
};

// The 200 sample of useapi's post-runwayml-assets page, with real-looking values.
const docsUploadReply = {
  assetId: ASSET_ID,
  id: '5b1f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b',
  user,
  createdAt: '2024-08-01T01:02:03.456Z',
  updatedAt: '2024-08-01T01:02:03.456Z',
  name: 'Race car.jpg',
  description: '',
  type: { name: 'image', type: 'image', isDirectory: false },
  size: 123456789,
  url: 'https://cdn.example/race.jpg?_jwt=x',
  previewUrls: ['https://cdn.example/race-preview.jpg'],
  fileCount: 1,
  private: true,
  permissions: { read: true, write: true, admin: true },
  annotated: false,
  isUserUpload: true,
  sourceApplication: 'web',
  createdBy: user,
  favorite: false,
};

const jpeg = runwayUploadType('image/jpeg')!;

describe('useapi upload types', () => {
  it("holds the docs' table, with MP2T in the docs' spelling", () => {
    expect(RUNWAY_UPLOAD_TYPES).toHaveLength(22);
    expect(runwayUploadType('video/mp2t')?.contentType).toBe('video/MP2T');
    expect(runwayUploadType('Video/MP4; codecs="avc1"')).toMatchObject({ extension: 'mp4', mediaType: 'video' });
    expect(runwayUploadType('text/plain')).toBeUndefined();
    expect(runwayUploadType(undefined)).toBeUndefined();
  });

  it("maps a file's type, its aliases and, without a type, its extension", () => {
    const sent = (type: string, name: string) => resolveRunwayUploadType(type, name)?.contentType;
    expect(sent('image/png', 'x')).toBe('image/png');
    expect(sent('image/jpg', 'x')).toBe('image/jpeg');
    expect(sent('audio/mp3', 'x')).toBe('audio/mpeg');
    expect(sent('', 'Clip.MOV')).toBe('video/quicktime');
    expect(sent('application/octet-stream', 'shot.jpg')).toBe('image/jpeg');
    expect(sent('', 'sting.webm')).toBe('video/webm');
    expect(sent('', 'no-extension')).toBeUndefined();
    // A real but refused type is not second-guessed from the name.
    expect(sent('application/pdf', 'brief.png')).toBeUndefined();
  });
});

describe('mapRunwayUpload', () => {
  it("maps the docs' upload sample: type.type and size stand for mediaType and fileSize", () => {
    const asset = mapRunwayUpload(runwayUploadReplySchema.parse(docsUploadReply), jpeg)!;
    expect(asset).toMatchObject({
      provider: 'RUNWAY',
      providerId: ASSET_ID,
      mediaType: 'IMAGE',
      status: 'READY',
      sizeBytes: 123456789,
      fileExtension: 'jpeg',
      mimeType: 'image/jpeg',
      username: 'jane',
      isUserUpload: true,
      thumbnailUrl: 'https://cdn.example/race-preview.jpg',
    });
  });

  it('is null without an assetId', () => {
    expect(mapRunwayUpload(runwayUploadReplySchema.parse({ name: 'x' }), jpeg)).toBeNull();
  });

  it('reads the delete reply leniently', () => {
    expect(runwayDeleteReplySchema.parse({ success: true })).toEqual({ success: true });
    expect(runwayDeleteReplySchema.parse(undefined)).toBeUndefined();
  });
});

describe('Runway sandbox store writes', () => {
  it('puts an upload first in the lists and removes it from reads and lists', () => {
    const { store } = createRunwaySandbox();
    const record = uploadRecord({ name: 'Clip.mp4', type: runwayUploadType('video/mp4')!, size: 10 }, new Date(0));
    store.addNewest(record);
    // First even though its createdAt (1970) is older than every seeded asset.
    expect(store.listed()[0]?.assetId).toBe(record.assetId);
    expect(store.listed('video')[0]?.assetId).toBe(record.assetId);
    const [first] = JSON.parse(store.pageJson(0, 1)) as unknown[];
    expect(first).toMatchObject({ fileSize: 10, mediaType: 'video', fileExtStandardized: 'mp4' });
    expect(store.remove(record.assetId)).toBe(true);
    expect(store.get(record.assetId)).toBeUndefined();
    expect(store.listed()).toHaveLength(60);
    expect(store.remove(record.assetId)).toBe(false);
  });

  it('removes an unlisted asset too', () => {
    const { store } = createRunwaySandbox();
    const shared = store.unlisted()[0]!;
    expect(store.remove(shared.assetId)).toBe(true);
    expect(store.unlisted()).toHaveLength(1);
    expect(store.listed()).toHaveLength(60);
  });
});
