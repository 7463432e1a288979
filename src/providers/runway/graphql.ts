import { assetNode } from '../../../schema/asset-node.js';
import { builder } from '../../../schema/builder.js';

/** Runway's GraphQL part: its asset type. */
export const assetRef = assetNode('RUNWAY', 'A Runway asset, through useapi.net. Runway assets have no status: they are READY.');

builder.objectFields(assetRef, (t) => ({
  uuid: t.exposeString('uuid', { nullable: true }),
  taskId: t.exposeString('taskId', { nullable: true }),
  parentAssetGroupId: t.exposeString('parentAssetGroupId', { nullable: true }),
  mediaSubtype: t.exposeString('mediaSubtype', { nullable: true }),
  fileCount: t.exposeInt('fileCount', { nullable: true }),
  fileExtension: t.exposeString('fileExtension', { nullable: true }),
  isUserUpload: t.exposeBoolean('isUserUpload', { nullable: true }),
  previewUrls: t.exposeStringList('previewUrls'),
  isPrivate: t.exposeBoolean('isPrivate', { nullable: true }),
  favorite: t.exposeBoolean('favorite', { nullable: true }),
  username: t.exposeString('username', { nullable: true }),
  frameRate: t.exposeFloat('frameRate', { nullable: true }),
  hasAudio: t.exposeBoolean('hasAudio', { nullable: true }),
  hasAlphaChannel: t.exposeBoolean('hasAlphaChannel', { nullable: true }),
}));
