import { z } from 'zod';
import { idOfType } from '../../../../schema/validators.js';
import { timecodeToMs } from '../../timecode.js';
import type { VideoEdit } from '../types.js';

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

const audioLevel = z
  .object({ level: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'), start: timecode.nullish(), end: timecode.nullish() })
  .superRefine(endAfterStart);

const clip = z
  .object({
    videoId: videoJungleId,
    type: z.string().trim().min(1).max(64),
    start: timecode,
    end: timecode.nullish(),
    audioLevels: z.array(audioLevel).max(100).nullish(),
    crop: z
      .object({
        zoom: z.number().min(0.1, 'must be between 0.1 and 10').max(10, 'must be between 0.1 and 10'),
        positionX: z.number().min(-1, 'must be between -1 and 1').max(1, 'must be between -1 and 1'),
        positionY: z.number().min(-1, 'must be between -1 and 1').max(1, 'must be between -1 and 1'),
      })
      .nullish(),
  })
  .superRefine(endAfterStart);

const overlay = z
  .object({
    audioId: videoJungleId,
    type: z.string().trim().min(1).max(64),
    start: timecode.nullish(),
    end: timecode.nullish(),
    audioLevels: z.array(audioLevel).max(100).nullish(),
  })
  .superRefine(endAfterStart);

export const editSchema = z.object({
  version: z.string().trim().min(1).max(16),
  outputFormat: z.enum(['mp4', 'mov', 'webm'], { message: 'must be mp4, mov or webm' }),
  resolution: z.string().regex(/^[1-9]\d{1,4}x[1-9]\d{1,4}$/, 'must be "WIDTHxHEIGHT", e.g. "1920x1080"'),
  fps: z.number().gt(0, 'must be above 0').max(120, 'must be at most 120'),
  filename: z.string().trim().min(1).max(255),
  name: z.string().max(255).nullish(),
  description: z.string().max(4096).nullish(),
  skipRendering: z.boolean().nullish(),
  subtitleFromAudioOverlay: z.boolean().nullish(),
  autoVerticalCrop: z.enum(['STANDARD', 'TIGHT', 'LOOSE']).nullish(),
  clips: z.array(clip).min(1, 'an edit needs at least one clip').max(500),
  audioOverlays: z.array(overlay).max(100).nullish(),
});

/** The validated GraphQL edit as the domain's VideoEdit. */
export function toVideoEdit(e: z.infer<typeof editSchema>): VideoEdit {
  const levels = (list: z.infer<typeof audioLevel>[] | null | undefined) =>
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
