import type { AssetBase } from '../types.js';

export interface TwelveLabsRendition {
  url: string | null;
  status: string;
}

export interface TwelveLabsAsset extends AssetBase {
  provider: 'TWELVE_LABS';
  /** direct | url | multipart */
  method: string | null;
  filename: string | null;
  userMetadata: Record<string, unknown> | null;
  hls: TwelveLabsRendition | null;
  thumbnail: TwelveLabsRendition | null;
  technicalMetadata: Record<string, unknown> | null;
  errorMessage: string | null;
  /** Legacy field of older API revisions. */
  urlExpiresAt: Date | null;
}
