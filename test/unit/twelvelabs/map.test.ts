import { describe, expect, it } from 'vitest';
import { mapAsset, mapStatus, mediaTypeOf } from '../../../src/providers/twelvelabs/map.js';
import { wireAssetDetail, wireAssetList } from '../../../src/providers/twelvelabs/wire.js';

const readyVideo = {
  _id: '6298d673f1090f1100476d4c',
  method: 'direct',
  status: 'ready',
  filename: 'product-launch-keynote_2025-10-28.mp4',
  file_type: 'video/mp4',
  created_at: '2025-10-28T21:44:09Z',
  user_metadata: { campaign: 'brand-refresh', take: 3 },
  size: 753083837,
  duration: 677.507,
  hls: { manifest_url: 'https://cdn.example/hls/6298d673f1090f1100476d4c/master.m3u8', status: 'ready' },
  thumbnail: { representative_url: 'https://cdn.example/thumbs/rep.jpg', status: 'ready' },
  technical_metadata: { video_width: 1920, video_height: 1080, video_fps: 29.97, file_size_bytes: 753083837 },
  some_future_field: { nested: true },
};

const parse = (json: unknown) => mapAsset(wireAssetDetail.parse(json));

describe('Twelve Labs mapping', () => {
  it('maps a ready video with renditions and technical metadata', () => {
    const asset = parse(readyVideo);
    expect(asset).toMatchObject({
      provider: 'TWELVE_LABS',
      providerId: '6298d673f1090f1100476d4c',
      name: 'product-launch-keynote_2025-10-28.mp4',
      filename: 'product-launch-keynote_2025-10-28.mp4',
      mediaType: 'VIDEO',
      status: 'READY',
      providerStatus: 'ready',
      updatedAt: null,
      url: readyVideo.hls.manifest_url,
      downloadUrl: null,
      thumbnailUrl: readyVideo.thumbnail.representative_url,
      durationSeconds: 677.507,
      sizeBytes: 753083837,
      mimeType: 'video/mp4',
      width: 1920,
      height: 1080,
      method: 'direct',
      userMetadata: { campaign: 'brand-refresh', take: 3 },
      hls: { url: readyVideo.hls.manifest_url, status: 'ready' },
      thumbnail: { url: readyVideo.thumbnail.representative_url, status: 'ready' },
      errorMessage: null,
      urlExpiresAt: null,
    });
    expect(asset.createdAt).toEqual(new Date('2025-10-28T21:44:09Z'));
    expect(asset.technicalMetadata).toMatchObject({ video_fps: 29.97 });
  });

  it('maps a processing asset: nothing measured yet, renditions in progress', () => {
    const asset = parse({
      _id: 'a1',
      method: 'url',
      status: 'processing',
      filename: 'clip.mov',
      file_type: 'video/quicktime',
      created_at: '2026-01-20T00:09:56Z',
      hls: { status: 'processing' },
      thumbnail: { status: 'pending' },
    });
    expect(asset).toMatchObject({
      status: 'PROCESSING',
      providerStatus: 'processing',
      sizeBytes: null,
      durationSeconds: null,
      width: null,
      height: null,
      technicalMetadata: null,
      url: null,
      thumbnailUrl: null,
      hls: { url: null, status: 'processing' },
      thumbnail: { url: null, status: 'pending' },
    });
  });

  it('maps a failed asset with its error message and partial metadata', () => {
    const asset = parse({
      _id: 'f1',
      status: 'failed',
      filename: 'broken.webm',
      file_type: 'video/webm',
      technical_metadata: { file_size_bytes: 51097083 },
      error: { message: 'could not be decoded' },
    });
    expect(asset).toMatchObject({ status: 'FAILED', errorMessage: 'could not be decoded', sizeBytes: 51097083 });
  });

  it('reads the legacy waiting status and url / url_expires_at', () => {
    const asset = parse({
      _id: 'w1',
      status: 'waiting',
      filename: 'old.mp4',
      file_type: 'video/mp4',
      url: 'https://cdn.example/uploads/w1/old.mp4',
      url_expires_at: '2026-02-01T10:00:00Z',
    });
    expect(asset).toMatchObject({
      status: 'PROCESSING',
      providerStatus: 'waiting',
      url: 'https://cdn.example/uploads/w1/old.mp4',
      downloadUrl: 'https://cdn.example/uploads/w1/old.mp4',
      hls: null,
      thumbnail: null,
    });
    expect(asset.urlExpiresAt).toEqual(new Date('2026-02-01T10:00:00Z'));
  });

  it('prefers the HLS manifest over the legacy url for url', () => {
    const hls = { manifest_url: 'https://m3u8', status: 'ready' };
    const asset = parse({ _id: 'x', status: 'ready', url: 'https://legacy', hls });
    expect(asset.url).toBe('https://m3u8');
    expect(asset.downloadUrl).toBe('https://legacy');
  });

  it('takes image dimensions and falls back to technical metadata for size and duration', () => {
    const imageMetadata = { image_width: 512, image_height: 256 };
    const image = parse({ _id: 'i', status: 'ready', file_type: 'image/png', technical_metadata: imageMetadata });
    expect(image).toMatchObject({ mediaType: 'IMAGE', width: 512, height: 256, durationSeconds: null });
    const audioMetadata = { audio_duration_seconds: 29.3, file_size_bytes: 468496 };
    const audio = parse({ _id: 'a', status: 'ready', file_type: 'audio/mpeg', technical_metadata: audioMetadata });
    expect(audio).toMatchObject({ mediaType: 'AUDIO', durationSeconds: 29.3, sizeBytes: 468496, width: null });
  });

  it('survives a bare record: only _id is required, nulls are accepted, bad dates become null', () => {
    const asset = parse({ _id: 'bare', status: null, created_at: 'not a date', hls: null, size: null });
    expect(asset).toMatchObject({
      status: 'PROCESSING',
      providerStatus: null,
      createdAt: null,
      mediaType: null,
      hls: null,
      sizeBytes: null,
    });
    expect(wireAssetDetail.safeParse({ id: 'no-underscore' }).success).toBe(false);
  });

  it('maps statuses conservatively and keeps unknown ones as PROCESSING', () => {
    expect(mapStatus('processing')).toBe('PROCESSING');
    expect(mapStatus('ready')).toBe('READY');
    expect(mapStatus('failed')).toBe('FAILED');
    expect(mapStatus('waiting')).toBe('PROCESSING');
    expect(mapStatus('archived')).toBe('PROCESSING');
    expect(mapStatus(undefined)).toBe('PROCESSING');
    expect(parse({ _id: 'u', status: 'archived' }).providerStatus).toBe('archived');
  });

  it('derives the media type from the MIME type', () => {
    expect(mediaTypeOf('video/quicktime')).toBe('VIDEO');
    expect(mediaTypeOf('IMAGE/JPEG')).toBe('IMAGE');
    expect(mediaTypeOf('audio/mp4')).toBe('AUDIO');
    expect(mediaTypeOf('text/plain')).toBe('TEXT');
    expect(mediaTypeOf('application/pdf')).toBe('OTHER');
    expect(mediaTypeOf(null)).toBeNull();
  });

  it('parses a list page, and a missing data array as empty', () => {
    const page = wireAssetList.parse({
      data: [readyVideo],
      page_info: { limit_per_page: 10, page: 1, total_page: 15, total_results: 150 },
    });
    expect(page.data).toHaveLength(1);
    expect(page.page_info?.total_results).toBe(150);
    expect(wireAssetList.parse({ data: null }).data).toEqual([]);
  });
});
