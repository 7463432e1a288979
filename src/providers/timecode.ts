/**
 * Timecodes: milliseconds as a non-negative integer, or "hh:mm:ss" with an optional fraction of up to
 * three digits ("00:01:02.5" is 62 500 ms). The same text form is what Uplynk and Video Jungle accept.
 */
const TEXT = /^(\d{1,3}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/;

/** Milliseconds for a timecode, or undefined when it is malformed. */
export function timecodeToMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = TEXT.exec(value);
  if (!m) return undefined;
  const [, h, min, s, frac = ''] = m;
  return ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0'));
}

/** "hh:mm:ss.mmm" for a number of milliseconds. */
export function msToTimecode(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}
