/** The time and URL formats Video Jungle's sandbox data uses. */
/** Video Jungle's timestamp: ISO 8601 without a zone, with microseconds ("2024-07-16T12:13:05.899678"). */
export function vjTimestamp(epochMs: number, micros: number): string {
  const iso = new Date(epochMs).toISOString();
  const fraction = String((epochMs % 1000) * 1000 + (micros % 1000)).padStart(6, '0');
  return `${iso.slice(0, 19)}.${fraction}`;
}

/** "20240718T203436Z", the X-Amz-Date form. */
export function amzDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
