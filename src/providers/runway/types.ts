import type { AssetBase } from '../types.js';

export interface RunwayAsset extends AssetBase {
  provider: 'RUNWAY';
  /** The bare asset uuid (`id` on the wire; providerId is the composite assetId). */
  uuid: string | null;
  taskId: string | null;
  parentAssetGroupId: string | null;
  mediaSubtype: string | null;
  fileCount: number | null;
  fileExtension: string | null;
  isUserUpload: boolean | null;
  previewUrls: string[];
  isPrivate: boolean | null;
  favorite: boolean | null;
  username: string | null;
  frameRate: number | null;
  hasAudio: boolean | null;
  hasAlphaChannel: boolean | null;
}
