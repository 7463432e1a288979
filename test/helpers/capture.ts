import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line, for asserting on what was logged. */
export function captureLines(): DestinationStream & { lines: string[]; text(): string; records(): Record<string, unknown>[] } {
  const lines: string[] = [];
  return {
    lines,
    write(line: string) {
      lines.push(line);
    },
    text: () => lines.join(''),
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
