import { describe, expect, it } from 'vitest';
import { classifyTwelveLabsError } from '../../../src/providers/twelvelabs/map.js';

const docs = 'https://docs.twelvelabs.io/v1.3/api-reference/error-codes';
const kind = (status: number, body: unknown) => classifyTwelveLabsError(status, body).kind;
const coded = (code: string, message = 'x') => ({ code, message, docs_url: docs });

describe('Twelve Labs error classifier', () => {
  it('reads {code, message, docs_url}', () => {
    expect(classifyTwelveLabsError(400, coded('parameter_invalid', 'The page_limit parameter is invalid.'))).toEqual({
      detail: 'parameter_invalid: The page_limit parameter is invalid.',
      kind: 'REJECTED',
    });
  });

  it('reads the generic {error: {code, message, details}} wrapper', () => {
    const body = { error: { code: 'parameter_not_provided', message: 'The method parameter is required.', details: {} } };
    expect(classifyTwelveLabsError(400, body)).toEqual({
      detail: 'parameter_not_provided: The method parameter is required.',
      kind: 'REJECTED',
    });
  });

  it('maps a 400 resource_not_exist and any 404 to NOT_FOUND', () => {
    expect(kind(400, coded('resource_not_exist', 'Resource with id x does not exist in assets.'))).toBe('NOT_FOUND');
    expect(kind(404, { message: 'Not found' })).toBe('NOT_FOUND');
    expect(kind(404, undefined)).toBe('NOT_FOUND');
  });

  it('maps 429 and too_many_requests to RATE_LIMITED', () => {
    expect(kind(429, coded('too_many_requests', 'You have exceeded the rate limit'))).toBe('RATE_LIMITED');
    expect(kind(429, 'slow down')).toBe('RATE_LIMITED');
    expect(kind(400, coded('too_many_requests'))).toBe('RATE_LIMITED');
  });

  it('maps 401 and the credential codes to UNAUTHORIZED', () => {
    expect(kind(401, coded('api_key_invalid', 'API Key is either invalid or expired.'))).toBe('UNAUTHORIZED');
    expect(kind(401, undefined)).toBe('UNAUTHORIZED');
    expect(kind(400, coded('api_key_invalid'))).toBe('UNAUTHORIZED');
    expect(kind(403, coded('api_allowed_for_paid_plan'))).toBe('UNAUTHORIZED');
  });

  it('leaves 5xx to the status (retryable) and keeps plain-text bodies as the detail', () => {
    expect(kind(503, coded('parameter_invalid', 'odd'))).toBeUndefined();
    expect(classifyTwelveLabsError(502, '<html>Bad Gateway</html>')).toEqual({
      detail: '<html>Bad Gateway</html>',
      kind: undefined,
    });
    expect(classifyTwelveLabsError(500, undefined)).toEqual({ detail: 'HTTP 500', kind: undefined });
  });

  it('falls back to the status for unknown codes and unexpected shapes', () => {
    expect(classifyTwelveLabsError(409, coded('conflict', 'in use'))).toEqual({ detail: 'conflict: in use', kind: undefined });
    expect(classifyTwelveLabsError(400, { code: 42 })).toEqual({ detail: 'HTTP 400', kind: undefined });
  });
});
