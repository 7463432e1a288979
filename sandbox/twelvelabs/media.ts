import type { FileFormat } from './names.js';
import type { SeededRandom } from '../random.js';

/**
 * The measured side of a seeded asset: size, duration and `technical_metadata` in the v1.3 shape
 * (TL-PY `TechnicalMetadata`, `VideoStream`), derived from one coherent set of properties so that
 * size ≈ duration × bitrate and the stream entries agree with the summary fields.
 */
export interface Measured {
  size: number;
  /** Seconds; absent for images. */
  duration?: number;
  technical: Record<string, unknown>;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

const VIDEO_SIZES: readonly (readonly [number, number])[] = [
  [1920, 1080],
  [1920, 1080],
  [3840, 2160],
  [1280, 720],
  [1080, 1920],
  [2560, 1440],
];
const FPS = [23.976, 24, 25, 29.97, 30, 30, 50, 59.94, 60] as const;
/** Keeps URL and multipart uploads under the documented 4 GB ceiling. */
const MAX_BYTES = 3_900_000_000;

function videoCodec(r: SeededRandom, format: FileFormat): string {
  if (format.ext === 'webm') return 'vp9';
  return r.chance(0.75) ? 'h264' : 'hevc';
}

interface VideoShape {
  codec: string;
  width: number;
  height: number;
  fps: number;
  duration: number;
  bitrate: number;
}

/** The one video stream of a sandbox upload, as Twelve Labs describes streams in `system_metadata`. */
function videoStream({ codec, width, height, fps, duration, bitrate }: VideoShape) {
  return {
    index: 0,
    codec,
    width,
    height,
    fps,
    avg_fps: fps,
    duration_seconds: duration,
    bitrate_bps: bitrate,
    pixel_format: 'yuv420p',
    scan_type: 'progressive',
    bit_depth: 8,
    color_space: 'bt709',
  };
}

type AudioStream = { codec: string; sample_rate: number; channels: number; duration_seconds: number };

/** The audio half of `system_metadata`: the stream list, and its first stream's flat copies. */
function audioFields(stream: AudioStream | undefined) {
  return {
    audio_streams: stream ? [stream] : [],
    ...(stream && {
      audio_codec: stream.codec,
      audio_sample_rate: stream.sample_rate,
      audio_channels: stream.channels,
      audio_duration_seconds: stream.duration_seconds,
    }),
    has_audio: stream !== undefined,
    total_audio_streams: stream ? 1 : 0,
  };
}

export function measureVideo(r: SeededRandom, format: FileFormat): Measured {
  const [width, height] = r.pick(VIDEO_SIZES);
  const fps = r.pick(FPS);
  const videoBitrate = Math.round(width * height * fps * 0.07);
  const audio = r.chance(0.9) ? { codec: format.ext === 'webm' ? 'opus' : 'aac', bitrate: 192_000 } : undefined;
  const totalBitrate = videoBitrate + (audio?.bitrate ?? 0);
  // Most uploads are short clips; a few are long recordings.
  const wanted = 8 + r.next() ** 2.5 * 3592;
  const duration = round(Math.min(wanted, (MAX_BYTES * 8) / totalBitrate), 3);
  const size = Math.round((duration * totalBitrate) / 8);
  const codec = videoCodec(r, format);
  const audioStream = audio && {
    index: 1,
    codec: audio.codec,
    sample_rate: 48_000,
    channels: 2,
    duration_seconds: duration,
    bitrate_bps: audio.bitrate,
  };
  return {
    size,
    duration,
    technical: {
      file_size_bytes: size,
      file_mime_type: format.mime,
      file_container_format: format.container,
      video_streams: [videoStream({ codec, width, height, fps, duration, bitrate: videoBitrate })],
      video_codec: codec,
      video_width: width,
      video_height: height,
      video_fps: fps,
      video_duration_seconds: duration,
      video_bitrate_bps: videoBitrate,
      ...audioFields(audioStream),
      total_video_streams: 1,
      storage_aspect_ratio: round(width / height, 4),
      is_hdr: false,
    },
  };
}

const IMAGE_SIZES: readonly (readonly [number, number])[] = [
  [4032, 3024],
  [1920, 1080],
  [1200, 630],
  [3000, 2000],
  [1080, 1080],
  [512, 512],
  [2048, 1365],
];

export function measureImage(r: SeededRandom, format: FileFormat): Measured {
  const [width, height] = r.pick(IMAGE_SIZES);
  const bytesPerPixel = format.ext === 'png' ? 1.6 : format.ext === 'webp' ? 0.25 : 0.4;
  const size = Math.round(width * height * bytesPerPixel * (0.7 + r.next() * 0.6));
  return {
    size,
    technical: {
      file_size_bytes: size,
      file_mime_type: format.mime,
      image_width: width,
      image_height: height,
      image_format: format.container,
      image_orientation: 1,
      image_color_space: 'sRGB',
      image_bit_depth: 8,
      has_alpha: format.ext === 'png' && r.chance(0.4),
      is_animated: false,
    },
  };
}

function audioCodec(r: SeededRandom, format: FileFormat): { codec: string; bitrate: number; sampleRate: number } {
  if (format.ext === 'wav') {
    const sampleRate = r.pick([44_100, 48_000]);
    return { codec: 'pcm_s16le', bitrate: sampleRate * 16 * 2, sampleRate };
  }
  if (format.ext === 'mp3') return { codec: 'mp3', bitrate: r.pick([128_000, 192_000, 320_000]), sampleRate: 44_100 };
  return { codec: 'aac', bitrate: 256_000, sampleRate: 48_000 };
}

export function measureAudio(r: SeededRandom, format: FileFormat): Measured {
  const { codec, bitrate, sampleRate } = audioCodec(r, format);
  const duration = round(15 + r.next() ** 2 * 3585, 3);
  const size = Math.round((duration * bitrate) / 8);
  const channels = r.chance(0.8) ? 2 : 1;
  return {
    size,
    duration,
    technical: {
      file_size_bytes: size,
      file_mime_type: format.mime,
      file_container_format: format.container,
      audio_streams: [{ index: 0, codec, sample_rate: sampleRate, channels, duration_seconds: duration, bitrate_bps: bitrate }],
      audio_codec: codec,
      audio_sample_rate: sampleRate,
      audio_channels: channels,
      audio_duration_seconds: duration,
      has_audio: true,
      total_video_streams: 0,
      total_audio_streams: 1,
    },
  };
}
