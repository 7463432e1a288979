import { assetNode } from '../../../schema/asset-node.js';
import { builder } from '../../../schema/builder.js';
import type { TwelveLabsRendition } from './types.js';

const RenditionRef = builder.objectRef<TwelveLabsRendition>('TwelveLabsRendition').implement({
  fields: (t) => ({
    url: t.exposeString('url', { nullable: true }),
    status: t.exposeString('status', { description: 'pending, processing, ready or error' }),
  }),
});

/** Twelve Labs' GraphQL part: its asset type. */
export const assetRef = assetNode('TWELVE_LABS', 'A Twelve Labs asset (v1.3 Assets API).');

builder.objectFields(assetRef, (t) => ({
  method: t.exposeString('method', { nullable: true, description: 'direct, url or multipart' }),
  filename: t.exposeString('filename', { nullable: true }),
  userMetadata: t.expose('userMetadata', { type: 'JSON', nullable: true }),
  hls: t.field({ type: RenditionRef, nullable: true, resolve: (a) => a.hls }),
  thumbnail: t.field({ type: RenditionRef, nullable: true, resolve: (a) => a.thumbnail }),
  technicalMetadata: t.expose('technicalMetadata', { type: 'JSON', nullable: true }),
  errorMessage: t.exposeString('errorMessage', {
    nullable: true,
    description: 'Why processing failed (provider text, not a stable contract).',
  }),
  urlExpiresAt: t.expose('urlExpiresAt', { type: 'DateTime', nullable: true }),
}));
