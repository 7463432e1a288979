import { createRequire } from 'node:module';
import { pino, type DestinationStream } from 'pino';

/** LOG_FORMAT: `json` (the default: one JSON object a line, for collectors) or `pretty` (for a terminal). */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const require = createRequire(import.meta.url);

/**
 * A destination that turns each finished JSON line into pino-pretty's text and writes it to
 * `destination` (stdout, as pino's own, when absent). It receives lines after the logger's redaction
 * pass, so what it formats is already scrubbed. pino-pretty is loaded on demand: a server logging JSON
 * never reads it.
 */
export function prettyDestination(destination?: DestinationStream): DestinationStream {
  const { prettyFactory } = require('pino-pretty') as typeof import('pino-pretty');
  const target = destination ?? pino.destination({ dest: 1, sync: true });
  const format = prettyFactory({
    // Colour only on a terminal; a file or a pipe gets plain text.
    colorize: !destination && process.stdout.isTTY === true,
    // Times are already ISO 8601 strings (createLogger's timestamp): printed as they are.
    translateTime: false,
    ignore: 'pid,hostname,service',
    singleLine: true,
  });
  return { write: (line: string) => target.write(format(line)) };
}
