/** The words the seeded Runway library is made of: prompts, upload filenames, models and sizes. */

export const VIDEO_PROMPTS = [
  'a red fox trotting through fresh snow at dawn',
  'slow dolly shot down a neon-lit alley in the rain',
  'drone flyover of a fjord under low clouds',
  'close-up of coffee poured into a glass cup, slow motion',
  'an astronaut walking across a white salt flat',
  'paper boats drifting down a flooded cobblestone street',
  'time-lapse of a city skyline from dusk to night',
  'a hummingbird hovering beside a red hibiscus',
  'waves breaking against black basalt columns',
  'a vintage convertible on a coastal road at golden hour',
  'handheld shot through a crowded night market',
  'ink spreading through water, macro lens',
] as const;

export const IMAGE_PROMPTS = [
  'isometric tiny greenhouse on a floating island',
  'portrait of an old fisherman, soft window light',
  'brutalist library interior with hanging plants',
  'retro travel poster of a lighthouse',
  'product shot of a ceramic mug on linen',
  'watercolor map of an imaginary archipelago',
] as const;

export const VIDEO_UPLOADS = [
  'B-roll harbour sunrise.mp4',
  'Interview take 3.mov',
  'Product spin 4K.mp4',
  'Drone pass over vineyard.mp4',
  'Green screen dancer.mov',
] as const;

export const IMAGE_UPLOADS = [
  'Race car.jpg',
  'Mood board reference.png',
  'Logo on white.png',
  'Storyboard frame 12.jpg',
  'Character turnaround.webp',
  'Location scout - pier.jpg',
] as const;

export const AUDIO_UPLOADS = ['Voiceover intro take 2.mp3', 'Ambient rain loop.wav', 'Theme sting.mp3'] as const;

export const SPEECH_LINES = ['Welcome back to the channel', 'Our story begins at the edge of the map', 'Thanks for watching, see you next week'] as const;

export const VIDEO_MODELS = ['Gen-4 Turbo', 'Gen-4', 'Gen-3 Alpha Turbo', 'Aleph'] as const;

/** width x height pairs Runway renders at. */
export const VIDEO_SIZES = [
  [1280, 720],
  [720, 1280],
  [960, 960],
  [1584, 672],
  [1920, 1080],
] as const;

export const MIME_SUBTYPES: Record<string, string> = {
  mp4: 'mp4',
  mov: 'quicktime',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  mp3: 'mpeg',
  wav: 'wav',
};
