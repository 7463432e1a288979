import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Redaction is a second line of defence: code never logs a secret on purpose,
 * and these paths catch one that slips into a logged object anyway.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'assetfed' },
      redact: {
        paths: [
          'apiKey',
          'token',
          'authorization',
          'headers.authorization',
          'headers["x-api-key"]',
          'headers["X-API-Key"]',
          'msg_signed',
          'sig',
          '*.apiKey',
          '*.token',
          '*.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
