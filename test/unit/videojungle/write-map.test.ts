import { describe, expect, it } from 'vitest';
import type { VideoEdit } from '../../../src/providers/videojungle/types.js';
import { toVideoEditCreate, videoEditProblem } from '../../../src/providers/videojungle/edit.js';
import { pythonUrlencode } from '../../../src/providers/videojungle/paths.js';
import { directUploadOf, policyExpiry } from '../../../src/providers/videojungle/upload-target.js';
import { vjDirectUpload } from '../../../src/providers/videojungle/wire.js';

const ID = '123e4567-e89b-12d3-a456-426614174000';
const EDIT: VideoEdit = {
  version: '1.0',
  outputFormat: 'mp4',
  resolution: '1920x1080',
  fps: 30,
  filename: 'my_video_edit.mp4',
  clips: [{ videoId: ID, type: 'videofile', start: '00:00:00', end: '00:00:10', audioLevels: [{ level: 0.5, start: '00:00:00', end: '00:00:10' }] }],
  audioOverlays: [{ audioId: ID, type: 'audio', start: '00:00:00', end: '00:00:20', audioLevels: [{ level: 0.5 }] }],
};

describe('generate query string', () => {
  it("is Python's urlencode: '+' for spaces, only _.-~ left as they are", () => {
    expect(
      pythonUrlencode([
        { name: 'zodiac sign', value: 'Aries' },
        { name: 'lucky number', value: '7' },
      ]),
    ).toBe('zodiac+sign=Aries&lucky+number=7');
    expect(pythonUrlencode([{ name: 'q', value: "a*b!c'(d)~e&f=g/h" }])).toBe('q=a%2Ab%21c%27%28d%29~e%26f%3Dg%2Fh');
    expect(pythonUrlencode([{ name: 'city', value: 'São Paulo' }])).toBe('city=S%C3%A3o+Paulo');
    expect(pythonUrlencode([])).toBe('');
  });
});

describe('VideoEditCreate', () => {
  it('maps the docs example field for field, leaving out what was not given', () => {
    expect(JSON.parse(JSON.stringify(toVideoEditCreate(EDIT)))).toEqual({
      video_edit_version: '1.0',
      video_output_format: 'mp4',
      video_output_resolution: '1920x1080',
      video_output_fps: 30,
      video_output_filename: 'my_video_edit.mp4',
      video_series_sequential: [
        {
          video_id: ID,
          type: 'videofile',
          video_start_time: '00:00:00',
          video_end_time: '00:00:10',
          audio_levels: [{ audio_level: 0.5, start_time: '00:00:00', end_time: '00:00:10' }],
        },
      ],
      audio_overlay: [{ audio_id: ID, type: 'audio', audio_start_time: '00:00:00', audio_end_time: '00:00:20', audio_levels: [{ audio_level: 0.5 }] }],
    });
  });

  it('maps the optional flags and the crop', () => {
    const wire = toVideoEditCreate({
      ...EDIT,
      name: 'n',
      description: 'd',
      skipRendering: true,
      subtitleFromAudioOverlay: false,
      autoVerticalCrop: null,
      clips: [{ ...EDIT.clips[0]!, crop: { zoom: 2, positionX: -1, positionY: 0.5 } }],
    });
    expect(wire).toMatchObject({ name: 'n', description: 'd', skip_rendering: true, subtitle_from_audio_overlay: false, auto_vertical_crop: null });
    expect((wire.video_series_sequential as { crop: unknown }[])[0]!.crop).toEqual({ zoom: 2, position_x: -1, position_y: 0.5 });
  });

  it('names the first problem by its wire path', () => {
    expect(videoEditProblem(EDIT)).toBeNull();
    const clip = EDIT.clips[0]!;
    expect(videoEditProblem({ ...EDIT, fps: 0 })).toMatch(/^video_output_fps/);
    expect(videoEditProblem({ ...EDIT, clips: [{ ...clip, start: '1:00' }] })).toMatch(/^video_series_sequential\.0\.video_start_time/);
    expect(videoEditProblem({ ...EDIT, clips: [{ ...clip, start: '00:00:00.5', end: '00:00:00.250' }] })).toMatch(/must be after/);
    expect(videoEditProblem({ ...EDIT, clips: [{ ...clip, crop: { zoom: 1, positionX: 1.5, positionY: 0 } }] })).toMatch(/crop\.position/);
    expect(videoEditProblem({ ...EDIT, audioOverlays: [{ ...EDIT.audioOverlays[0]!, audioLevels: [{ level: -0.1 }] }] })).toBe(
      'audio_overlay.0.audio_levels.0.audio_level must be between 0 and 1',
    );
    expect(videoEditProblem({ ...EDIT, audioOverlays: [{ ...EDIT.audioOverlays[0]!, audioId: 'x' }] })).toBe('audio_overlay.0.audio_id must be a UUID');
  });
});

describe('direct upload answers', () => {
  const presigned = { url: 'https://bucket.s3.amazonaws.com/', fields: { key: 'k', policy: 'p' } };

  it('reads both shapes the API answers with', () => {
    expect(directUploadOf(vjDirectUpload.parse({ upload_url: presigned, video: { id: 'v1' } }))).toEqual({ videoFileId: 'v1', ...presigned });
    expect(directUploadOf(vjDirectUpload.parse({ video: { id: 'v2', upload_url: presigned } }))).toEqual({ videoFileId: 'v2', ...presigned });
    expect(directUploadOf(vjDirectUpload.parse({ id: 'v3', upload_url: presigned }))).toEqual({ videoFileId: 'v3', ...presigned });
    expect(directUploadOf(vjDirectUpload.parse({ video: { id: 'v4' } }))).toBeNull();
  });

  it("takes the expiry from the policy's expiration", () => {
    const policy = Buffer.from(JSON.stringify({ expiration: '2026-01-01T12:00:00.000Z', conditions: [] })).toString('base64');
    expect(policyExpiry({ policy })).toEqual(new Date('2026-01-01T12:00:00.000Z'));
    expect(policyExpiry({ Policy: policy })).toEqual(new Date('2026-01-01T12:00:00.000Z'));
    expect(policyExpiry({ policy: 'not base64 json' })).toBeNull();
    expect(policyExpiry({})).toBeNull();
  });
});
