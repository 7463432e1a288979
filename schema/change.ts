import { ASSET_TYPENAMES, encodeGlobalId } from './ids.js';
import type { Change } from '../src/providers/types.js';
import { AssetRef } from './asset.js';
import { builder } from './builder.js';
import { ChangeActionEnum, ProviderEnum } from './enums.js';

export const ChangeRef = builder.objectRef<Change>('Change').implement({
  description: 'An asset created, updated or deleted at a point in time.',
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (c) => c.provider }),
    assetId: t.id({ resolve: (c) => encodeGlobalId(ASSET_TYPENAMES[c.provider], c.providerId) }),
    providerId: t.exposeString('providerId'),
    action: t.field({ type: ChangeActionEnum, resolve: (c) => c.action }),
    at: t.expose('at', { type: 'DateTime' }),
    asset: t.field({
      type: AssetRef,
      nullable: true,
      description: 'The asset as of the change, when the provider sent it (deleted assets may have none).',
      resolve: (c) => c.asset,
    }),
  }),
});
