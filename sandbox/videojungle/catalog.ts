/** The text the seeded Video Jungle account is made of: projects, and the files people upload. */

export interface ProjectTemplate {
  name: string;
  slug: string;
  description: string;
  /** `data` is a plain string on some projects and an object on others; both are seen on the wire. */
  data: string | Record<string, unknown>;
  /** Script parameters of generated videos (the SDK sends them as strings). */
  parameters: Record<string, readonly string[]>;
}

export const PROJECTS: readonly ProjectTemplate[] = [
  {
    name: 'Daily Horoscope Shorts',
    slug: 'horoscope',
    description: 'Vertical 30-second horoscope videos for each zodiac sign, generated every morning',
    data: 'prompt-to-video',
    parameters: {
      'zodiac sign': ['Aries', 'Taurus', 'Gemini', 'Leo', 'Virgo', 'Pisces'],
      'lucky number': ['3', '7', '11'],
    },
  },
  {
    name: 'I Ching Readings',
    slug: 'i-ching',
    description: 'Claude generated I Ching hexagram readings with ambient visuals',
    data: '',
    parameters: { hexagram: ['1 Qian', '11 Tai', '29 Kan', '30 Li', '63 Ji Ji'], tone: ['calm', 'mysterious'] },
  },
  {
    name: 'Aurora Headphones Launch',
    slug: 'aurora-launch',
    description: 'Teaser, product B-roll and the final 60 s launch cut for the Aurora ANC headphones',
    data: { generation_method: 'edit', aspect_ratio: '16:9', brand_kit: 'aurora-2024' },
    parameters: { cut: ['teaser', '30s', '60s'], colorway: ['midnight', 'sand'] },
  },
  {
    name: 'Cooking with Maya: Season 2',
    slug: 'cooking-maya',
    description: 'Recipe episodes cut down into 45-second social clips',
    data: { generation_method: 'prompt-to-video', template_key: 'recipe-short', language: 'en' },
    parameters: { recipe: ['shakshuka', 'miso ramen', 'lemon tart', 'pad see ew'], length: ['45'] },
  },
  {
    name: 'Trail Running Highlights',
    slug: 'trail-highlights',
    description: 'GoPro footage from the Lavaredo Ultra, auto-edited into highlight reels',
    data: 'video-edit',
    parameters: { stage: ['Cortina start', 'Tre Cime', 'Forcella Lerosa'], music: ['epic', 'lofi'] },
  },
  {
    name: 'Q3 All-Hands Recap',
    slug: 'q3-all-hands',
    description: 'Internal recap of the Q3 all-hands with captions and speaker lower thirds',
    data: { generation_method: 'edit', subtitles: true },
    parameters: { section: ['keynote', 'product demo', 'Q&A'], audience: ['internal'] },
  },
  {
    name: 'Podcast Clips: The Render Queue',
    slug: 'render-queue',
    description: 'Audiograms and clip cuts from episodes of The Render Queue podcast',
    data: 'prompt-to-video',
    parameters: { episode: ['41', '42', '43'], guest: ['Dana Whitfield', 'Kenji Mori'] },
  },
  {
    name: 'Lisbon Travel Vlog',
    slug: 'lisbon-vlog',
    description: 'Four days in Lisbon: tram rides, Alfama at night, pastéis de nata',
    data: { generation_method: 'edit', music: 'lofi', aspect_ratio: '9:16' },
    parameters: { day: ['1', '2', '3', '4'], mood: ['sunny', 'nightlife'] },
  },
];

/** Uploads ('user' assets): the file name is the keyname, the description is what the user typed. */
export const UPLOADS: readonly (readonly [keyname: string, description: string])[] = [
  ['intro-clip.mp4', 'Opening title sequence'],
  ['b-roll-01.mov', 'Handheld B-roll, natural light'],
  ['b-roll-02.mov', 'Slow pan at golden hour'],
  ['drone-establishing.mp4', 'Drone establishing shot'],
  ['logo.png', 'Brand logo, transparent background'],
  ['thumbnail.jpg', 'Custom thumbnail'],
  ['lower-third.png', 'Speaker lower third'],
  ['voiceover.mp3', 'Narration, take 3'],
  ['background-music.wav', 'Licensed background track'],
  ['interview-raw.webm', 'Unedited interview recording'],
  ['transcript.srt', 'Auto-generated subtitles'],
  ['script-notes.md', "Director's notes"],
  ['outro-card.gif', 'Animated end card'],
  ['room-tone.m4a', 'Room tone for audio cleanup'],
  ['shot-list.txt', 'Shot list for the second shoot day'],
  ['cover-art.webp', 'Cover art, square'],
];

/** What Video Jungle's analysis writes into generated_description, for analysed uploads. */
export const ANALYSES: readonly string[] = [
  'A person speaks to the camera in a bright studio; warm lighting, shallow depth of field.',
  'Aerial view over a coastline at sunset, slow forward motion, no people visible.',
  'Close-up of hands preparing food on a wooden counter, steam rising from a pan.',
  'Text overlay on a dark gradient background, animated in from the left.',
  'A runner on a mountain trail, shot from behind, rocky terrain and low clouds.',
  'Static product shot rotating on a turntable against a white background.',
];

export const PERSONAS: readonly string[] = ['Warm storyteller', 'Upbeat social-media host', 'Calm narrator'];
