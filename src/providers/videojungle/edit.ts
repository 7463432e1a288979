import { badInput } from '../../errors/domain.js';
import type { VideoEdit } from './types.js';
import { VJ_UUID } from './wire.js';

/**
 * The domain VideoEdit as Video Jungle's `VideoEditCreate` (VJ-MODEL), field for field. Optional fields
 * the caller left out are left out here too, so the server's own defaults apply (subtitle_from_audio_overlay
 * defaults to true there, skip_rendering to false).
 */
export function toVideoEditCreate(edit: VideoEdit): Record<string, unknown> {
  const levels = (list: VideoEdit['clips'][number]['audioLevels']) => list.map((l) => ({ audio_level: l.level, start_time: l.start, end_time: l.end }));
  return {
    video_edit_version: edit.version,
    video_output_format: edit.outputFormat,
    video_output_resolution: edit.resolution,
    video_output_fps: edit.fps,
    video_output_filename: edit.filename,
    name: edit.name,
    description: edit.description,
    skip_rendering: edit.skipRendering,
    subtitle_from_audio_overlay: edit.subtitleFromAudioOverlay,
    auto_vertical_crop: edit.autoVerticalCrop,
    video_series_sequential: edit.clips.map((c) => ({
      video_id: c.videoId,
      type: c.type,
      video_start_time: c.start,
      video_end_time: c.end,
      audio_levels: levels(c.audioLevels),
      crop: c.crop && { zoom: c.crop.zoom, position_x: c.crop.positionX, position_y: c.crop.positionY },
    })),
    audio_overlay: edit.audioOverlays.map((o) => ({
      audio_id: o.audioId,
      type: o.type,
      audio_start_time: o.start,
      audio_end_time: o.end,
      audio_levels: levels(o.audioLevels),
    })),
  };
}

/** pydantic's `time` as the SDK writes it: "HH:MM[:SS[.ffffff]]", under 24 hours. */
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,6}))?)?$/;

function seconds(value: string): number | null {
  const m = TIME.exec(value);
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) + Number(`0.${m[4] ?? '0'}`);
}

const inRange = (n: number, min: number, max: number) => Number.isFinite(n) && n >= min && n <= max;

/**
 * What the server's model would reject (422), refused before the call: the resolver validates the same
 * with zod, this keeps the client safe on its own. Returns the first problem, named by its wire path.
 */
export function videoEditProblem(edit: VideoEdit): string | null {
  if (!/^\d+x\d+$/.test(edit.resolution)) return 'video_output_resolution must be "WxH", e.g. "1920x1080"';
  if (!(Number.isFinite(edit.fps) && edit.fps > 0)) return 'video_output_fps must be a positive number';
  for (const [field, value] of [
    ['video_edit_version', edit.version],
    ['video_output_format', edit.outputFormat],
    ['video_output_filename', edit.filename],
  ] as const) {
    if (value.trim() === '') return `${field} must not be empty`;
  }
  if (edit.clips.length === 0) return 'video_series_sequential needs at least one clip';
  for (const [i, c] of edit.clips.entries()) {
    const at = `video_series_sequential.${i}`;
    if (!VJ_UUID.test(c.videoId)) return `${at}.video_id must be a UUID`;
    const start = seconds(c.start);
    if (start === null) return `${at}.video_start_time must be "HH:MM:SS[.mmm]"`;
    const end = c.end === undefined ? undefined : seconds(c.end);
    if (end === null) return `${at}.video_end_time must be "HH:MM:SS[.mmm]"`;
    if (end !== undefined && end <= start) return `${at}.video_end_time must be after video_start_time`;
    if (c.crop && !inRange(c.crop.zoom, 0.1, 10)) return `${at}.crop.zoom must be between 0.1 and 10`;
    if (c.crop && !(inRange(c.crop.positionX, -1, 1) && inRange(c.crop.positionY, -1, 1))) {
      return `${at}.crop.position_x and position_y must be between -1 and 1`;
    }
    const problem = levelsProblem(c.audioLevels, `${at}.audio_levels`);
    if (problem) return problem;
  }
  for (const [i, o] of edit.audioOverlays.entries()) {
    const at = `audio_overlay.${i}`;
    if (!VJ_UUID.test(o.audioId)) return `${at}.audio_id must be a UUID`;
    for (const t of [o.start, o.end]) if (t !== undefined && seconds(t) === null) return `${at} times must be "HH:MM:SS[.mmm]"`;
    const problem = levelsProblem(o.audioLevels, `${at}.audio_levels`);
    if (problem) return problem;
  }
  return null;
}

function levelsProblem(levels: VideoEdit['clips'][number]['audioLevels'], at: string): string | null {
  for (const [i, l] of levels.entries()) {
    if (!inRange(l.level, 0, 1)) return `${at}.${i}.audio_level must be between 0 and 1`;
    for (const t of [l.start, l.end]) if (t !== undefined && seconds(t) === null) return `${at}.${i} times must be "HH:MM:SS[.mmm]"`;
  }
  return null;
}

export function checkVideoEdit(edit: VideoEdit): void {
  const problem = videoEditProblem(edit);
  if (problem) throw badInput(`invalid Video Jungle edit: ${problem}`, { field: problem.split(' ')[0] });
}
