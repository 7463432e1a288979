import { bool, float, list, literal, model, optional, str, time, uuid, type Check } from './pydantic.js';

/**
 * The request models of Video Jungle's write endpoints. VideoEditCreate and its parts are VJ-MODEL's
 * (with the crop and flag fields providers.md lists); the smaller bodies are inferred from what the SDK
 * sends [I].
 */

const VideoAudioLevel = model('VideoAudioLevel', {
  audio_level: float({ ge: 0, le: 1 }),
  start_time: optional(time),
  end_time: optional(time),
});

const Crop = model('VideoCrop', {
  zoom: optional(float({ ge: 0.1, le: 10 }), 1),
  position_x: optional(float({ ge: -1, le: 1 }), 0),
  position_y: optional(float({ ge: -1, le: 1 }), 0),
});

const VideoEditAsset = model('VideoEditAsset', {
  video_id: uuid,
  type: str,
  video_start_time: time,
  video_end_time: optional(time),
  audio_levels: list(VideoAudioLevel),
  crop: optional(Crop),
});

const VideoEditAudioAsset = model('VideoEditAudioAsset', {
  audio_id: uuid,
  type: str,
  audio_start_time: optional(time),
  audio_end_time: optional(time),
  audio_levels: list(VideoAudioLevel),
});

export interface VideoEditCreateBody {
  name: string | null;
  description: string | null;
  video_edit_version: string;
  video_output_format: string;
  video_output_resolution: string;
  video_output_fps: number;
  video_output_filename: string;
  skip_rendering: boolean;
  subtitle_from_audio_overlay: boolean;
  auto_vertical_crop: string | null;
  video_series_sequential: { video_id: string; type: string }[];
  audio_overlay: { audio_id: string; type: string }[];
}

export const VideoEditCreate = model('VideoEditCreate', {
  name: optional(str),
  description: optional(str),
  video_edit_version: str,
  video_output_format: str,
  video_output_resolution: str,
  video_output_fps: float(),
  video_output_filename: str,
  skip_rendering: optional(bool, false),
  subtitle_from_audio_overlay: optional(bool, true),
  auto_vertical_crop: optional(literal('standard', 'tight', 'loose')),
  video_series_sequential: list(VideoEditAsset),
  audio_overlay: list(VideoEditAudioAsset),
}) as Check<unknown> as Check<VideoEditCreateBody>;

export interface ProjectCreateBody {
  name: string;
  description: string;
  data: unknown;
  template_key: string | null;
  prompt_id: string | null;
}

/** POST /projects: `data` is a string or an object on the wire, so it is taken as it comes. */
export const ProjectCreate = model('ProjectCreate', {
  name: str,
  description: str,
  data: optional((v) => v),
  template_key: optional(str),
  prompt_id: optional(uuid),
}) as Check<unknown> as Check<ProjectCreateBody>;

export interface AssetCreateBody {
  upload_method: string;
  asset_type: string;
  keyname: string;
  description: string;
}

export const AssetCreate = model('AssetCreate', {
  upload_method: optional(str, 'file-no-chunk'),
  asset_type: str,
  keyname: str,
  description: optional(str, ''),
}) as Check<unknown> as Check<AssetCreateBody>;

export interface VideoUploadBody {
  name: string;
  filename: string;
  upload_method: string;
}

/** VJ-MODEL's VideoUpload. */
export const VideoUpload = model('VideoUpload', {
  name: str,
  filename: str,
  upload_method: optional(str, 'file-no-chunk'),
}) as Check<unknown> as Check<VideoUploadBody>;

export interface CustomPromptBody {
  prompt: string;
  prompt_persona: string;
  render_prompt: boolean;
}

/** generate_with_custom_prompt's body. */
export const CustomPrompt = model('CustomPrompt', {
  prompt: str,
  prompt_persona: optional(str, ''),
  render_prompt: optional(bool, false),
}) as Check<unknown> as Check<CustomPromptBody>;
