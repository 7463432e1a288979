import { describe, expect, it } from 'vitest';
import { mapMediaType, mapRunwayAsset } from '../../../src/providers/runway/map.js';
import { runwayAssetListSchema, runwayAssetSchema } from '../../../src/providers/runway/wire.js';

const ASSET_ID = 'user:1234-runwayml:jane@example.com-asset:5b1f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b';

// The retrieve sample of useapi.net's docs page, with real-looking values.
const docsImage = {
  assetId: ASSET_ID,
  id: '5b1f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b',
  createdAt: '2024-08-01T01:02:03.456Z',
  updatedAt: '2024-08-01T01:02:03.456Z',
  name: 'Race car.jpg',
  url: 'https://cdn.example/race.jpg?_jwt=x',
  previewUrls: ['https://cdn.example/race-preview.jpg'],
  mediaType: 'image',
  fileCount: 1,
  fileSize: 123456,
  fileExtStandardized: 'jpeg',
  isUserUpload: true,
  metadata: null,
  username: 'jane',
  userId: 123456789,
  createdBy: 123456789,
  userPicture: null,
  private: true,
  privateInTeam: true,
  parentAssetGroupId: null,
  favorite: false,
};

const parse = (value: unknown) => runwayAssetSchema.parse(value);

describe('mapRunwayAsset', () => {
  it('maps the documented image sample', () => {
    const asset = mapRunwayAsset(parse(docsImage))!;
    expect(asset).toMatchObject({
      provider: 'RUNWAY',
      providerId: ASSET_ID,
      uuid: '5b1f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b',
      name: 'Race car.jpg',
      mediaType: 'IMAGE',
      status: 'READY',
      providerStatus: null,
      url: 'https://cdn.example/race.jpg?_jwt=x',
      downloadUrl: 'https://cdn.example/race.jpg?_jwt=x',
      thumbnailUrl: 'https://cdn.example/race-preview.jpg',
      sizeBytes: 123456,
      mimeType: 'image/jpeg',
      fileExtension: 'jpeg',
      isUserUpload: true,
      isPrivate: true,
      favorite: false,
      username: 'jane',
      taskId: null,
      parentAssetGroupId: null,
      durationSeconds: null,
      width: null,
      height: null,
      frameRate: null,
      hasAudio: null,
      hasAlphaChannel: null,
    });
    expect(asset.createdAt).toEqual(new Date('2024-08-01T01:02:03.456Z'));
    expect(asset.updatedAt?.toISOString()).toBe('2024-08-01T01:02:03.456Z');
  });

  it('reads the older video metadata shape (dimensions and size)', () => {
    const wire = parse({
      ...docsImage,
      mediaType: 'video',
      fileExtStandardized: 'mp4',
      taskId: 'user:1234-runwayml:jane@example.com-task:abc',
      metadata: { frameRate: 24, duration: 5, dimensions: [1280, 768], size: { width: 1280, height: 768 } },
    });
    expect(mapRunwayAsset(wire)).toMatchObject({
      mediaType: 'VIDEO',
      mimeType: 'video/mp4',
      durationSeconds: 5,
      width: 1280,
      height: 768,
      frameRate: 24,
      hasAudio: null,
      hasAlphaChannel: null,
      taskId: 'user:1234-runwayml:jane@example.com-task:abc',
    });
  });

  it('reads dimensions alone when size is missing', () => {
    const wire = parse({ ...docsImage, mediaType: 'video', metadata: { dimensions: [720, 1280] } });
    expect(mapRunwayAsset(wire)).toMatchObject({ width: 720, height: 1280, durationSeconds: null });
  });

  it('reads the newer video metadata shape (flat width/height, audio and alpha flags)', () => {
    const wire = parse({
      ...docsImage,
      mediaType: 'video',
      fileExtStandardized: 'mov',
      metadata: { frameRate: 29.97, duration: 12.5, width: 1920, height: 1080, hasAlphaChannel: true, hasAudio: false },
    });
    expect(mapRunwayAsset(wire)).toMatchObject({
      mimeType: 'video/quicktime',
      durationSeconds: 12.5,
      width: 1920,
      height: 1080,
      frameRate: 29.97,
      hasAudio: false,
      hasAlphaChannel: true,
    });
  });

  it('maps audio and leaves the thumbnail null without previews', () => {
    const audio = { mediaType: 'audio', fileExtStandardized: 'MP3', previewUrls: [], metadata: { duration: 3.2 } };
    const wire = parse({ ...docsImage, ...audio });
    expect(mapRunwayAsset(wire)).toMatchObject({
      mediaType: 'AUDIO',
      mimeType: 'audio/mpeg',
      fileExtension: 'mp3',
      thumbnailUrl: null,
      previewUrls: [],
      durationSeconds: 3.2,
    });
  });

  it('fills nulls for an asset that sends almost nothing (every field is optional)', () => {
    const asset = mapRunwayAsset(parse({ assetId: ASSET_ID }))!;
    expect(asset).toMatchObject({
      providerId: ASSET_ID,
      name: null,
      mediaType: null,
      createdAt: null,
      url: null,
      mimeType: null,
      previewUrls: [],
      status: 'READY',
    });
  });

  it('uses the requested id when the reply omits assetId, and gives up without any id', () => {
    const { assetId: _omit, ...rest } = docsImage;
    expect(mapRunwayAsset(parse(rest), ASSET_ID)?.providerId).toBe(ASSET_ID);
    expect(mapRunwayAsset(parse(rest))).toBeNull();
  });

  it('turns odd field types into nulls instead of failing the parse', () => {
    const wire = parse({ ...docsImage, fileSize: '12', metadata: 'n/a', createdAt: 'yesterday', extra: { a: 1 } });
    const asset = mapRunwayAsset(wire)!;
    expect(asset.sizeBytes).toBeNull();
    expect(asset.createdAt).toBeNull();
    expect(asset.width).toBeNull();
  });

  it('leaves the MIME type null for an extension that is not obvious', () => {
    expect(mapRunwayAsset(parse({ ...docsImage, fileExtStandardized: 'heic' }))?.mimeType).toBeNull();
  });

  it("takes the MIME type of the other extensions from useapi's upload table", () => {
    const mime = (ext: string) => mapRunwayAsset(parse({ ...docsImage, fileExtStandardized: ext }))?.mimeType;
    expect([mime('mpo'), mime('mkv'), mime('ts'), mime('webm'), mime('wav')]).toEqual([
      'image/mpo',
      'video/x-matroska',
      'video/MP2T',
      'video/webm',
      'audio/wav',
    ]);
  });

  it('rejects a list body that is not an array', () => {
    expect(runwayAssetListSchema.safeParse({ data: [] }).success).toBe(false);
    expect(runwayAssetListSchema.safeParse([docsImage]).success).toBe(true);
  });
});

describe('mapMediaType', () => {
  it('maps the three documented values and keeps anything else as OTHER', () => {
    expect(mapMediaType('video')).toBe('VIDEO');
    expect(mapMediaType('image')).toBe('IMAGE');
    expect(mapMediaType('audio')).toBe('AUDIO');
    expect(mapMediaType('3d')).toBe('OTHER');
    expect(mapMediaType(undefined)).toBeNull();
  });
});
