import type { AssetBase } from '../types.js';
import type { Project } from '../types.js';

export interface VideoJungleAsset extends AssetBase {
  provider: 'VIDEO_JUNGLE';
  keyname: string | null;
  assetType: string | null;
  assetPath: string | null;
  description: string | null;
  generatedDescription: string | null;
  createParameters: unknown;
  uploaded: boolean;
  projectId: string | null;
}

export interface GenerateInput {
  projectId: string;
  scriptId: string;
  parameters: { name: string; value: string }[];
  prompt?: string;
  promptPersona?: string;
}

/** Video Jungle's edit document (VideoEditCreate), already validated. */
export interface VideoEdit {
  version: string;
  outputFormat: string;
  /** "WxH" */
  resolution: string;
  fps: number;
  filename: string;
  name?: string;
  description?: string;
  skipRendering?: boolean;
  subtitleFromAudioOverlay?: boolean;
  autoVerticalCrop?: 'standard' | 'tight' | 'loose' | null;
  clips: {
    videoId: string;
    type: string;
    start: string;
    end?: string;
    audioLevels: { level: number; start?: string; end?: string }[];
    crop?: { zoom: number; positionX: number; positionY: number };
  }[];
  audioOverlays: {
    audioId: string;
    type: string;
    start?: string;
    end?: string;
    audioLevels: { level: number; start?: string; end?: string }[];
  }[];
}

export interface ProjectInput {
  name: string;
  description?: string;
  promptId?: string;
  /** Video Jungle's generation method / template key (default "prompt-to-video"). */
  generationMethod?: string;
}

/** Video Jungle's own write operations. */
export interface ProjectWriter {
  createProject(input: ProjectInput): Promise<Project>;
  deleteProject(id: string): Promise<void>;
  /** The pending asset a generation becomes. */
  generate(input: GenerateInput): Promise<VideoJungleAsset>;
  /** The asset the render becomes, and the edit's id. */
  renderEdit(projectId: string, edit: VideoEdit): Promise<{ asset: VideoJungleAsset; editId: string }>;
}
