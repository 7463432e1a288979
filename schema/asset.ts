import { ASSET_TYPENAMES, encodeGlobalId } from './ids.js';
import type { Asset } from '../src/providers/types.js';
import { builder } from './builder.js';
import { AssetStatusEnum, MediaTypeEnum, ProviderEnum } from './enums.js';

export const AssetRef = builder.interfaceRef<Asset>('Asset');

AssetRef.implement({
  description:
    "A media asset at one provider. The fields here are those every provider can fill (null where it does not say); each concrete type adds its provider's own fields.",
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (asset) => ASSET_TYPENAMES[asset.provider],
  fields: (t) => ({
    id: t.id({ resolve: (a) => encodeGlobalId(ASSET_TYPENAMES[a.provider], a.providerId) }),
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
  }),
});
