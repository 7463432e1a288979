import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../src/observability/logger.js';

/**
 * The line pass first scans the serialized line for anything it could change, and skips the parse
 * and walk when there is nothing. These lines hold a secret only in shapes that scan must not miss:
 * escaped, split by "-"/"_", nested under a `msg` key, or after a newline.
 */
const pinoLine = (fields: Record<string, unknown>, msg = 'request completed') =>
  `${JSON.stringify({ level: 30, time: '2026-01-01T00:00:00.000Z', service: 'assetfed', ...fields, msg })}\n`;

describe('redaction prefilter', () => {
  const redactor = createRedactor(['s3cr"et\\value']);

  it('returns a line with nothing to scrub unchanged, without re-serializing it', () => {
    const line = pinoLine({ reqId: 'r1', operationName: 'Asset', durationMs: 3.2, status: 200 });
    expect(redactor.line(line)).toBe(line);
  });

  it.each([
    ['a configured secret with JSON escapes', { note: 'got s3cr"et\\value back' }],
    ['a key split by underscores', { pass_word: 'hunter2' }],
    ['a nested Uplynk msg key', { body: { msg: 'eNrLSM3JyVcozy/KSQEAGgQEXQ==' } }],
    ['an Uplynk message after a newline', { detail: 'failed:\neNrLSM3JyVcozy/KSQEAGgQEXQ==' }],
    ['a URL password', { url: 'redis://:topsecretpw@localhost:6379' }],
    ['a bearer token in a message', { error: 'sent Bearer abc.def.ghi' }],
  ])('still scrubs %s', (_name, fields) => {
    const out = redactor.line(pinoLine(fields));
    expect(out).toContain(REDACTED);
    for (const secret of ['hunter2', 'topsecretpw', 'abc.def.ghi', 'eNrLSM3JyVcozy', 's3cr']) expect(out).not.toContain(secret);
  });

  it("keeps pino's own msg readable and scrubs a secret inside it", () => {
    expect(redactor.line(pinoLine({}, 'plain words'))).toContain('"msg":"plain words"');
    expect(redactor.line(pinoLine({}, 'token=abc123'))).toContain(`token=${REDACTED}`);
  });
});
