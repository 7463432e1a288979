import { assetNode } from '../../../../schema/asset-node.js';
import { builder } from '../../../../schema/builder.js';
import type { UplynkBreakOffset, UplynkTestPlayer } from '../types.js';

const BreakOffsetRef = builder.objectRef<UplynkBreakOffset>('UplynkBreakOffset').implement({
  fields: (t) => ({
    breakType: t.exposeString('breakType', { description: 'AD BREAK or BOUNDARY' }),
    offsetSeconds: t.exposeFloat('offsetSeconds'),
    durationSeconds: t.exposeFloat('durationSeconds', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
  }),
});

const TestPlayerRef = builder.objectRef<UplynkTestPlayer>('UplynkTestPlayer').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    description: t.exposeString('description', { nullable: true }),
    url: t.exposeString('url'),
  }),
});

export const UplynkAssetRef = assetNode('UPLYNK', 'An Uplynk (Edgio) VOD asset.');

builder.objectFields(UplynkAssetRef, (t) => ({
  externalId: t.exposeString('externalId', { nullable: true }),
  origFilename: t.exposeString('origFilename', { nullable: true }),
  jobType: t.exposeString('jobType', { nullable: true, description: 'vod or live' }),
  requireDrm: t.exposeBoolean('requireDrm'),
  requireStudioDrm: t.exposeBoolean('requireStudioDrm'),
  autoExpireAt: t.expose('autoExpireAt', { type: 'DateTime', nullable: true }),
  deletedAt: t.expose('deletedAt', { type: 'DateTime', nullable: true }),
  slices: t.exposeInt('slices', { nullable: true }),
  rays: t.exposeStringList('rays'),
  breakOffsets: t.field({ type: [BreakOffsetRef], resolve: (a) => a.breakOffsets }),
  posterUrl: t.exposeString('posterUrl', { nullable: true }),
  mp4Url: t.exposeString('mp4Url', { nullable: true }),
  ttmlUrl: t.exposeString('ttmlUrl', { nullable: true }),
  testPlayerUrl: t.exposeString('testPlayerUrl', { nullable: true }),
  embedPlayerUrl: t.exposeString('embedPlayerUrl', { nullable: true }),
  testPlayers: t.field({ type: [TestPlayerRef], resolve: (a) => a.testPlayers }),
  meta: t.expose('meta', { type: 'JSON' }),
  libraries: t.exposeStringList('libraries'),
}));
