import { ASSET_TYPENAMES } from '../src/ids.js';
import type { Asset } from '../src/providers/types.js';
import { assetFrame, assetThumbnails } from '../resolvers/fields/frames.js';
import { builder } from './builder.js';
import { AssetStatusEnum, MediaTypeEnum, ProviderEnum } from './enums.js';
import { FrameRef } from './frame.js';

export const AssetRef = builder.interfaceRef<Asset>('Asset');

AssetRef.implement({
  description:
    'A media asset at one provider. The fields here are those every provider can fill (null where it does not say); each concrete type adds its provider\'s own fields.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (asset) => ASSET_TYPENAMES[asset.provider],
  fields: (t) => ({
    id: t.globalID({ resolve: (a) => ({ type: ASSET_TYPENAMES[a.provider], id: a.providerId }) }),
    provider: t.field({ type: ProviderEnum, resolve: (a) => a.provider }),
    providerId: t.exposeString('providerId', { description: "The provider's own id for this asset." }),
    name: t.exposeString('name', { nullable: true }),
    mediaType: t.field({ type: MediaTypeEnum, nullable: true, resolve: (a) => a.mediaType }),
    status: t.field({ type: AssetStatusEnum, resolve: (a) => a.status }),
    providerStatus: t.exposeString('providerStatus', {
      nullable: true,
      description: "The provider's own status value, unnormalised.",
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true }),
    url: t.exposeString('url', { nullable: true, description: 'Where to play or embed the asset (may expire).' }),
    downloadUrl: t.exposeString('downloadUrl', { nullable: true }),
    thumbnailUrl: t.exposeString('thumbnailUrl', { nullable: true }),
    durationSeconds: t.exposeFloat('durationSeconds', { nullable: true }),
    sizeBytes: t.exposeFloat('sizeBytes', {
      nullable: true,
      description: 'Size in bytes (a Float: files can exceed the 32-bit Int range).',
    }),
    mimeType: t.exposeString('mimeType', { nullable: true }),
    width: t.exposeInt('width', { nullable: true }),
    height: t.exposeInt('height', { nullable: true }),
    frame: t.field({
      type: FrameRef,
      nullable: true,
      description: 'A still image at `at` (Uplynk getframe, highest-bitrate variant). Other providers: UNSUPPORTED_BY_PROVIDER.',
      args: { at: t.arg({ type: 'Timecode', required: true }) },
      resolve: (asset, { at }, ctx) => assetFrame(asset, at, ctx),
    }),
    thumbnails: t.field({
      type: [FrameRef],
      nullable: true,
      description:
        'Thumbnails from `start` to `stop` (default start + 1 s; the range may not exceed one second). Uplynk getthumbs; other providers: UNSUPPORTED_BY_PROVIDER.',
      args: {
        start: t.arg({ type: 'Timecode', required: true }),
        stop: t.arg({ type: 'Timecode' }),
      },
      resolve: (asset, { start, stop }, ctx) => assetThumbnails(asset, start, stop ?? undefined, ctx),
    }),
  }),
});
