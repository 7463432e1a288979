import { builder } from '../../../../schema/builder.js';

/** The GraphQL side of Video Jungle's edit document (VideoEditCreate); resolvers validate it with zod. */
const AutoVerticalCropEnum = builder.enumType('AutoVerticalCrop', { values: ['STANDARD', 'TIGHT', 'LOOSE'] as const });

const AudioLevelInput = builder.inputType('AudioLevelInput', {
  fields: (t) => ({
    level: t.float({ required: true, description: '0 (silent) to 1.' }),
    start: t.string({ description: '"HH:MM:SS[.mmm]"' }),
    end: t.string({ description: '"HH:MM:SS[.mmm]", after start' }),
  }),
});

const CropInput = builder.inputType('CropInput', {
  fields: (t) => ({
    zoom: t.float({ required: true, defaultValue: 1, description: '0.1 to 10' }),
    positionX: t.float({ required: true, defaultValue: 0, description: '-1 to 1' }),
    positionY: t.float({ required: true, defaultValue: 0, description: '-1 to 1' }),
  }),
});

const VideoClipInput = builder.inputType('VideoClipInput', {
  fields: (t) => ({
    videoId: t.string({ required: true, description: 'A video file UUID, or a VideoJungleAsset ID (with type "asset").' }),
    type: t.string({ required: true, defaultValue: 'videofile', description: '"videofile" or "asset"' }),
    start: t.string({ required: true, description: '"HH:MM:SS[.mmm]"' }),
    end: t.string({ description: '"HH:MM:SS[.mmm]", after start' }),
    audioLevels: t.field({ type: [AudioLevelInput] }),
    crop: t.field({ type: CropInput }),
  }),
});

const AudioOverlayInput = builder.inputType('AudioOverlayInput', {
  fields: (t) => ({
    audioId: t.string({ required: true }),
    type: t.string({ required: true, description: 'e.g. "music", "voiceover", "mp3"' }),
    start: t.string(),
    end: t.string(),
    audioLevels: t.field({ type: [AudioLevelInput] }),
  }),
});

export const VideoEditInput = builder.inputType('VideoEditInput', {
  description: 'A Video Jungle edit: sequential clips with audio levels and crop, audio overlays, and the output.',
  fields: (t) => ({
    version: t.string({ required: true, defaultValue: '1.0' }),
    outputFormat: t.string({ required: true, defaultValue: 'mp4' }),
    resolution: t.string({ required: true, description: '"WIDTHxHEIGHT", e.g. "1920x1080" or "1080x1920"' }),
    fps: t.float({ required: true }),
    filename: t.string({ required: true }),
    name: t.string(),
    description: t.string(),
    skipRendering: t.boolean({ description: 'Create the edit without rendering it.' }),
    subtitleFromAudioOverlay: t.boolean({ description: 'Video Jungle default: true.' }),
    autoVerticalCrop: t.field({ type: AutoVerticalCropEnum }),
    clips: t.field({ type: [VideoClipInput], required: true }),
    audioOverlays: t.field({ type: [AudioOverlayInput] }),
  }),
});
