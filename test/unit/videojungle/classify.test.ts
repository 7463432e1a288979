import { describe, expect, it } from 'vitest';
import { classifyVjError } from '../../../src/providers/videojungle/map.js';

describe('classifyVjError', () => {
  it('reads FastAPI detail strings', () => {
    expect(classifyVjError(404, { detail: 'Asset not found' })).toEqual({ detail: 'Asset not found' });
    expect(classifyVjError(401, { detail: 'Invalid API key' })).toEqual({ detail: 'Invalid API key' });
  });

  it('joins the messages of a FastAPI 422 validation body', () => {
    const body = {
      detail: [
        { loc: ['path', 'asset_id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' },
        { loc: ['query', 'limit'], msg: 'Input should be a valid integer', type: 'int_parsing' },
      ],
    };
    expect(classifyVjError(422, body).detail).toBe('path.asset_id: Input should be a valid UUID; query.limit: Input should be a valid integer');
  });

  it("falls back to the docs' {type, message, documentation_url} shape", () => {
    const body = { type: 'invalid_request', message: 'Project name is required', documentation_url: 'https://docs.video-jungle.com/errors' };
    expect(classifyVjError(400, body)).toEqual({ detail: 'Project name is required' });
  });

  it('falls back to `message` when `detail` has a shape of its own', () => {
    expect(classifyVjError(400, { detail: null, message: 'Bad project' })).toEqual({ detail: 'Bad project' });
    expect(classifyVjError(400, { detail: { reason: 'x' }, message: 'Bad project' })).toEqual({ detail: 'Bad project' });
    expect(classifyVjError(422, { detail: [{ loc: ['body'] }], message: 'Invalid body' })).toEqual({ detail: 'Invalid body' });
  });

  it('uses plain-text bodies, and the status when there is nothing to read', () => {
    expect(classifyVjError(500, 'Internal Server Error')).toEqual({ detail: 'Internal Server Error' });
    expect(classifyVjError(502, undefined)).toEqual({ detail: 'HTTP 502' });
    expect(classifyVjError(503, { detail: [] })).toEqual({ detail: 'HTTP 503' });
  });

  it('leaves the kind to the status (no provider codes to refine it)', () => {
    expect(classifyVjError(429, { detail: 'too many requests' }).kind).toBeUndefined();
  });
});
