import type { Frame } from '../src/providers/types.js';
import { builder } from './builder.js';

export const FrameRef = builder.objectRef<Frame>('Frame').implement({
  description: 'A still image of an asset.',
  fields: (t) => ({
    at: t.field({
      type: 'Timecode',
      nullable: true,
      description:
        'Milliseconds from the start of the asset. For thumbnails, derived from the range and the number of images (Uplynk names no instant per image): exact when the range holds whole frames, within one frame otherwise.',
      resolve: (f) => f.atMs,
    }),
    mimeType: t.exposeString('mimeType'),
    base64: t.exposeString('base64', { description: 'The image bytes, base64.' }),
    dataUrl: t.string({
      description: 'The image as a data: URL, ready for an <img src>.',
      resolve: (f) => `data:${f.mimeType};base64,${f.base64}`,
    }),
  }),
});
