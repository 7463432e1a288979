import { z } from 'zod';
import { builder } from '../../../../schema/builder.js';
import { describedInput, optional, required } from '../../../../schema/input.js';
import { idOfType } from '../../../../schema/validators.js';
import { timecodeToMs } from '../../timecode.js';
import type { VideoEdit } from '../types.js';

/** Video Jungle's edit document (VideoEditCreate): each field's GraphQL type and validator, once. */

/** Video Jungle's timecode form, "HH:MM:SS" with an optional fraction of up to three digits. */
const timecode = z.string().refine((v) => typeof timecodeToMs(v) === 'number' && /^\d{2}:/.test(v), {
  message: 'must be a timecode "HH:MM:SS[.mmm]"',
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Video Jungle id: its UUID, or the global ID of a VideoJungleAsset. */
const videoJungleId = z.string().transform((value, ctx) => {
  if (UUID.test(value)) return value.toLowerCase();
  const id = idOfType(value, 'VideoJungleAsset');
  if (id !== undefined) return id;
  ctx.addIssue({ code: 'custom', message: 'must be a Video Jungle UUID or a VideoJungleAsset ID' });
  return z.NEVER;
});

/** End after start, when both are given (issue on `end`). */
function endAfterStart(span: { start?: string | null; end?: string | null }, ctx: z.RefinementCtx): void {
  const start = span.start ? timecodeToMs(span.start) : undefined;
  const end = span.end ? timecodeToMs(span.end) : undefined;
  if (start !== undefined && end !== undefined && end <= start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  }
}

const AutoVerticalCropEnum = builder.enumType('AutoVerticalCrop', { values: ['STANDARD', 'TIGHT', 'LOOSE'] as const });

const AudioLevelInput = describedInput('AudioLevelInput', {
  fields: {
    level: required('Float', z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'), { description: '0 (silent) to 1.' }),
    start: optional('String', timecode, { description: '"HH:MM:SS[.mmm]"' }),
    end: optional('String', timecode, { description: '"HH:MM:SS[.mmm]", after start' }),
  },
  check: endAfterStart,
});

const between = (min: number, max: number) => z.number().min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`);

const CropInput = describedInput('CropInput', {
  fields: {
    zoom: required('Float', between(0.1, 10), { defaultValue: 1, description: '0.1 to 10' }),
    positionX: required('Float', between(-1, 1), { defaultValue: 0, description: '-1 to 1' }),
    positionY: required('Float', between(-1, 1), { defaultValue: 0, description: '-1 to 1' }),
  },
});

const audioLevels = optional([AudioLevelInput.ref], z.array(AudioLevelInput.schema).max(100));

const VideoClipInput = describedInput('VideoClipInput', {
  fields: {
    videoId: required('String', videoJungleId, { description: 'A video file UUID, or a VideoJungleAsset ID (with type "asset").' }),
    type: required('String', z.string().trim().min(1).max(64), { defaultValue: 'videofile', description: '"videofile" or "asset"' }),
    start: required('String', timecode, { description: '"HH:MM:SS[.mmm]"' }),
    end: optional('String', timecode, { description: '"HH:MM:SS[.mmm]", after start' }),
    audioLevels,
    crop: optional(CropInput.ref, CropInput.schema),
  },
  check: endAfterStart,
});

const AudioOverlayInput = describedInput('AudioOverlayInput', {
  fields: {
    audioId: required('String', videoJungleId),
    type: required('String', z.string().trim().min(1).max(64), { description: 'e.g. "music", "voiceover", "mp3"' }),
    start: optional('String', timecode),
    end: optional('String', timecode),
    audioLevels,
  },
  check: endAfterStart,
});

export const VideoEditInput = describedInput('VideoEditInput', {
  description: 'A Video Jungle edit: sequential clips with audio levels and crop, audio overlays, and the output.',
  fields: {
    version: required('String', z.string().trim().min(1).max(16), { defaultValue: '1.0' }),
    outputFormat: required('String', z.enum(['mp4', 'mov', 'webm'], { message: 'must be mp4, mov or webm' }), { defaultValue: 'mp4' }),
    resolution: required('String', z.string().regex(/^[1-9]\d{1,4}x[1-9]\d{1,4}$/, 'must be "WIDTHxHEIGHT", e.g. "1920x1080"'), {
      description: '"WIDTHxHEIGHT", e.g. "1920x1080" or "1080x1920"',
    }),
    fps: required('Float', z.number().gt(0, 'must be above 0').max(120, 'must be at most 120')),
    filename: required('String', z.string().trim().min(1).max(255)),
    name: optional('String', z.string().max(255)),
    description: optional('String', z.string().max(4096)),
    skipRendering: optional('Boolean', z.boolean(), { description: 'Create the edit without rendering it.' }),
    subtitleFromAudioOverlay: optional('Boolean', z.boolean(), { description: 'Video Jungle default: true.' }),
    autoVerticalCrop: optional(AutoVerticalCropEnum, z.enum(['STANDARD', 'TIGHT', 'LOOSE'])),
    clips: required([VideoClipInput.ref], z.array(VideoClipInput.schema).min(1, 'an edit needs at least one clip').max(500)),
    audioOverlays: optional([AudioOverlayInput.ref], z.array(AudioOverlayInput.schema).max(100)),
  },
});

/** The validated GraphQL edit as the domain's VideoEdit. */
export function toVideoEdit(e: z.infer<typeof VideoEditInput.schema>): VideoEdit {
  const levels = (list: z.infer<typeof AudioLevelInput.schema>[] | null | undefined) =>
    (list ?? []).map((l) => ({ level: l.level, start: l.start ?? undefined, end: l.end ?? undefined }));
  return {
    version: e.version,
    outputFormat: e.outputFormat,
    resolution: e.resolution,
    fps: e.fps,
    filename: e.filename,
    name: e.name ?? undefined,
    description: e.description ?? undefined,
    skipRendering: e.skipRendering ?? undefined,
    subtitleFromAudioOverlay: e.subtitleFromAudioOverlay ?? undefined,
    autoVerticalCrop: e.autoVerticalCrop ? (e.autoVerticalCrop.toLowerCase() as 'standard') : null,
    clips: e.clips.map((c) => ({
      videoId: c.videoId,
      type: c.type,
      start: c.start,
      end: c.end ?? undefined,
      audioLevels: levels(c.audioLevels),
      crop: c.crop ?? undefined,
    })),
    audioOverlays: (e.audioOverlays ?? []).map((o) => ({
      audioId: o.audioId,
      type: o.type,
      start: o.start ?? undefined,
      end: o.end ?? undefined,
      audioLevels: levels(o.audioLevels),
    })),
  };
}
