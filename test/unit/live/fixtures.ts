import type { AssetStatus } from '../../../src/providers/types.js';
import type { TwelveLabsAsset } from '../../../src/providers/twelvelabs/types.js';
import type { UplynkAsset } from '../../../src/providers/uplynk/types.js';

/** A Twelve Labs asset as the mapper makes them, with what a test varies. */
export function tlAsset(id: string, status: AssetStatus, extra: Partial<TwelveLabsAsset> = {}): TwelveLabsAsset {
  return {
    provider: 'TWELVE_LABS',
    providerId: id,
    name: `${id}.mp4`,
    mediaType: 'VIDEO',
    status,
    providerStatus: status.toLowerCase(),
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    updatedAt: null,
    url: status === 'READY' ? `https://cdn.example/${id}.m3u8` : null,
    downloadUrl: null,
    thumbnailUrl: null,
    durationSeconds: status === 'READY' ? 12.5 : null,
    sizeBytes: status === 'READY' ? 1000 : null,
    mimeType: 'video/mp4',
    width: null,
    height: null,
    method: 'url',
    filename: `${id}.mp4`,
    userMetadata: null,
    hls: null,
    thumbnail: null,
    technicalMetadata: null,
    errorMessage: null,
    urlExpiresAt: null,
    ...extra,
  };
}

export function uplynkAsset(id: string, extra: Partial<UplynkAsset> = {}): UplynkAsset {
  return {
    provider: 'UPLYNK',
    providerId: id,
    name: 'Evening news',
    mediaType: 'VIDEO',
    status: 'READY',
    providerStatus: 'ready',
    createdAt: new Date(1_700_000_000_000),
    updatedAt: new Date(1_700_000_100_000),
    url: 'https://player.example/x.html',
    downloadUrl: null,
    thumbnailUrl: null,
    durationSeconds: 88.9,
    sizeBytes: null,
    mimeType: null,
    width: null,
    height: null,
    externalId: 'ext-1',
    origFilename: 'news.mp4',
    jobType: 'vod',
    requireDrm: false,
    requireStudioDrm: false,
    autoExpireAt: new Date(1_800_000_000_000),
    deletedAt: null,
    slices: 22,
    rays: ['a', 'b'],
    breakOffsets: [],
    posterUrl: null,
    mp4Url: null,
    ttmlUrl: null,
    testPlayerUrl: null,
    embedPlayerUrl: null,
    testPlayers: [],
    meta: { genre: 'news', nested: { when: 'not a date' } },
    libraries: [],
    ...extra,
  };
}
