import { describe, expect, it } from 'vitest';
import { classifyRunwayError } from '../../../src/providers/runway/map.js';

describe('classifyRunwayError', () => {
  it('reads the message of the {error, code} envelope and lets the status decide the kind', () => {
    expect(classifyRunwayError(404, { error: 'Not found.', code: 404 })).toEqual({ detail: 'Not found.' });
    expect(classifyRunwayError(401, { error: 'Unauthorized', code: 401 })).toEqual({ detail: 'Unauthorized' });
    expect(classifyRunwayError(400, { error: 'Parameter limit is required', code: 400 })).toEqual({
      detail: 'Parameter limit is required',
    });
  });

  it('makes out-of-credits (412) and moderation (422) REJECTED with their message', () => {
    expect(classifyRunwayError(412, { error: 'Account has insufficient credits', code: 412 })).toEqual({
      detail: 'Account has insufficient credits',
      kind: 'REJECTED',
    });
    expect(classifyRunwayError(422, { error: 'Prompt was moderated', code: 422 })).toEqual({
      detail: 'Prompt was moderated',
      kind: 'REJECTED',
    });
  });

  it('falls back to a text body, then to the status', () => {
    expect(classifyRunwayError(502, 'Bad Gateway')).toEqual({ detail: 'Bad Gateway' });
    expect(classifyRunwayError(503, undefined)).toEqual({ detail: 'HTTP 503' });
    expect(classifyRunwayError(500, { message: 'other shape' })).toEqual({ detail: 'HTTP 500' });
  });
});
