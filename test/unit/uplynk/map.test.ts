import { describe, expect, it } from 'vitest';
import { imageMimeType, mapUplynkAsset, mapUplynkChange, mapUplynkStatus } from '../../../src/providers/uplynk/map.js';
import { uplynkChangesSchema, uplynkGetSchema } from '../../../src/providers/uplynk/wire.js';
import { renderPng } from '../../../sandbox/png.js';

// The `/asset/get` sample of the docs (seed copy), with `meta` from the update sample.
const DOC_GET = {
  asset: {
    orig_filename: null,
    rays: 8,
    require_drm: 0,
    require_studio_drm: 0,
    slices: 22,
    autoexpire: 0,
    break_offsets: [
      { break_type: 'AD BREAK', duration: 19.202916666666667, offset: 17.024 },
      { break_type: 'BOUNDARY', duration: 20.352, name: 'c4', offset: 24.96 },
    ],
    created: 1345730768265,
    job_type: 'vod',
    libraries: [],
    meta: { key1: 'value1', key2: 'value2' },
    test_player_url: 'https://content.uplynk.com/player5/Hak3zjnPLSW5o0j8GMpzRMsa.html',
    test_players: [
      {
        desc: 'Monitoring Test Player',
        id: 'Hak3zjnPLSW5o0j8GMpzRMsa',
        url: 'https://content.uplynk.com/player5/Hak3zjnPLSW5o0j8GMpzRMsa.html',
      },
    ],
    state: 'ready',
    duration: 88.88598639455783,
    embed_player_url: 'https://content.uplynk.com/player5/2aZeCWBZd0FVXmU95BGKnjea.html',
    external_id: 'id1234',
    id: '5915d84829405cb4db1bc3f71c10fc83',
    thumb_url: 'http://storage.uplynk.com/slices/x/00000014.jpg',
    desc: 'foux du fu fa fa',
    mp4_url: 'http://storage.uplynk.com/slices/x/8e37519b10c8408d879d619760baaee0_g.mp4',
    ttml_url: 'http://storage.uplynk.com/slices/x/8e37519b10c8408d879d619760baaee0_g.mp4.ttml',
    some_future_field: { nested: true },
  },
  error: 0,
};

// The `/asset/changes` sample of the docs.
const DOC_CHANGES = {
  changes: [
    [1391796562910, 'update', '1ca770087e7a46a7aec4f8aebc198aff'],
    [1391796578879, 'delete', '1ca770087e7a46a7aec4f8aebc198aff'],
  ],
  assets: {
    '1ca770087e7a46a7aec4f8aebc198aff': {
      orig_filename: null,
      rays: 7,
      require_drm: 1,
      require_studio_drm: 0,
      created: 1391104683934,
      deleted: 1391796578879,
      lastmod: 1391796562910,
      autoexpire: 0,
      slices: 10,
      job_type: 'live',
      duration: 40.651999999999994,
      id: '1ca770087e7a46a7aec4f8aebc198aff',
      desc: 'Live Capture',
    },
  },
  start: 1391714449648,
  end: 1391800857638,
  error: 0,
};

describe('mapUplynkAsset', () => {
  it('maps every field of the documented get sample', () => {
    const asset = mapUplynkAsset(uplynkGetSchema.parse(DOC_GET).asset!);
    expect(asset).toEqual({
      provider: 'UPLYNK',
      providerId: '5915d84829405cb4db1bc3f71c10fc83',
      name: 'foux du fu fa fa',
      mediaType: 'VIDEO',
      status: 'READY',
      providerStatus: 'ready',
      createdAt: new Date(1345730768265),
      updatedAt: null,
      url: 'https://content.uplynk.com/player5/2aZeCWBZd0FVXmU95BGKnjea.html',
      downloadUrl: DOC_GET.asset.mp4_url,
      thumbnailUrl: DOC_GET.asset.thumb_url,
      durationSeconds: 88.88598639455783,
      sizeBytes: null,
      mimeType: null,
      width: null,
      height: null,
      externalId: 'id1234',
      origFilename: null,
      jobType: 'vod',
      requireDrm: false,
      requireStudioDrm: false,
      autoExpireAt: null,
      deletedAt: null,
      slices: 22,
      rays: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
      breakOffsets: [
        { breakType: 'AD BREAK', durationSeconds: 19.202916666666667, offsetSeconds: 17.024, name: null },
        { breakType: 'BOUNDARY', durationSeconds: 20.352, offsetSeconds: 24.96, name: 'c4' },
      ],
      posterUrl: null,
      mp4Url: DOC_GET.asset.mp4_url,
      ttmlUrl: DOC_GET.asset.ttml_url,
      testPlayerUrl: DOC_GET.asset.test_player_url,
      embedPlayerUrl: DOC_GET.asset.embed_player_url,
      testPlayers: [{ id: 'Hak3zjnPLSW5o0j8GMpzRMsa', description: 'Monitoring Test Player', url: DOC_GET.asset.test_player_url }],
      meta: { key1: 'value1', key2: 'value2' },
      libraries: [],
    });
  });

  it('maps a minimal asset to nulls and empty lists', () => {
    const asset = mapUplynkAsset(uplynkGetSchema.parse({ asset: { id: 'f'.repeat(32) } }).asset!);
    expect(asset).toMatchObject({
      name: null,
      status: 'PROCESSING',
      providerStatus: null,
      createdAt: null,
      url: null,
      rays: [],
      breakOffsets: [],
      testPlayers: [],
      meta: {},
      libraries: [],
      requireDrm: false,
    });
  });

  it('reads lenient shapes: meta as JSON text, autoexpire as text, rays by name, odd fields as null', () => {
    const wire = uplynkGetSchema.parse({
      asset: {
        id: 'a'.repeat(32),
        meta: '{"key1":"value1"}',
        autoexpire: '1900000000000',
        rays: ['a', 'c'],
        require_drm: true,
        duration: 'long',
        libraries: ['lib1', { id: 'lib2' }, 7],
      },
    }).asset!;
    const asset = mapUplynkAsset(wire);
    expect(asset.meta).toEqual({ key1: 'value1' });
    expect(asset.autoExpireAt).toEqual(new Date(1_900_000_000_000));
    expect(asset.rays).toEqual(['a', 'c']);
    expect(asset.requireDrm).toBe(true);
    expect(asset.durationSeconds).toBeNull();
    expect(asset.libraries).toEqual(['lib1', 'lib2']);
  });
});

describe('mapUplynkStatus', () => {
  it('is READY only for ready, DELETED whenever deleted > 0, PROCESSING otherwise', () => {
    expect(mapUplynkStatus('ready', undefined)).toBe('READY');
    expect(mapUplynkStatus('ready', 0)).toBe('READY');
    expect(mapUplynkStatus('ready', 1391796578879)).toBe('DELETED');
    expect(mapUplynkStatus('slicing', null)).toBe('PROCESSING');
    expect(mapUplynkStatus('error', null)).toBe('PROCESSING');
    expect(mapUplynkStatus(undefined, undefined)).toBe('PROCESSING');
  });
});

describe('mapUplynkChange', () => {
  it('maps the documented changes sample with the asset as of the request', () => {
    const reply = uplynkChangesSchema.parse(DOC_CHANGES);
    const changes = reply.changes!.map((c) => mapUplynkChange(c, reply.assets!));
    expect(changes.map((c) => [c.action, c.at.getTime(), c.providerId])).toEqual([
      ['UPDATED', 1391796562910, '1ca770087e7a46a7aec4f8aebc198aff'],
      ['DELETED', 1391796578879, '1ca770087e7a46a7aec4f8aebc198aff'],
    ]);
    expect(changes[1]!.asset).toMatchObject({
      status: 'DELETED',
      deletedAt: new Date(1391796578879),
      updatedAt: new Date(1391796562910),
      jobType: 'live',
      requireDrm: true,
      rays: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    });
  });

  it('maps create to CREATED, an unknown action to UPDATED, and a missing asset to null', () => {
    expect(mapUplynkChange([1, 'create', 'x'], {}).action).toBe('CREATED');
    expect(mapUplynkChange([1, 'relabel', 'x'], {})).toMatchObject({ action: 'UPDATED', asset: null });
  });
});

describe('imageMimeType', () => {
  it('detects the image type from its magic number', () => {
    expect(imageMimeType(renderPng(4, 4, 1).toString('base64'))).toBe('image/png');
    expect(imageMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString('base64'))).toBe('image/jpeg');
    expect(imageMimeType(Buffer.from('GIF89a....').toString('base64'))).toBe('image/gif');
    expect(imageMimeType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ').toString('base64'))).toBe('image/webp');
    expect(imageMimeType(Buffer.from('hello').toString('base64'))).toBe('application/octet-stream');
  });
});
