/**
 * Whether a base64 image is one Uplynk takes as a poster (PNG, JPEG, GIF or WebP), by its magic bytes:
 * the sandbox's own check, independent of the client's.
 */
export function isPosterImage(base64: string): boolean {
  const head = Buffer.from(base64.slice(0, 24), 'base64');
  const at = (offset: number, text: string) => head.subarray(offset, offset + text.length).toString('latin1') === text;
  return at(0, '\x89PNG\r\n\x1a\n') || (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) || at(0, 'GIF8') || (at(0, 'RIFF') && at(8, 'WEBP'));
}
