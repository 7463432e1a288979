import type { AssetBase } from '../types.js';

export interface UplynkBreakOffset {
  breakType: string;
  durationSeconds: number | null;
  offsetSeconds: number;
  name: string | null;
}

export interface UplynkTestPlayer {
  id: string;
  description: string | null;
  url: string;
}

export interface UplynkAsset extends AssetBase {
  provider: 'UPLYNK';
  externalId: string | null;
  origFilename: string | null;
  jobType: string | null;
  requireDrm: boolean;
  requireStudioDrm: boolean;
  autoExpireAt: Date | null;
  deletedAt: Date | null;
  slices: number | null;
  rays: string[];
  breakOffsets: UplynkBreakOffset[];
  posterUrl: string | null;
  mp4Url: string | null;
  ttmlUrl: string | null;
  testPlayerUrl: string | null;
  embedPlayerUrl: string | null;
  testPlayers: UplynkTestPlayer[];
  meta: Record<string, unknown>;
  libraries: string[];
}
