import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors/domain.js';
import { classifyUplynkError, envelopeFailure } from '../../../src/providers/uplynk/call.js';
import { planUplynkList, uplynkListParams } from '../../../src/providers/uplynk/list.js';
import { thumbRange, thumbTimes } from '../../../src/providers/uplynk/frames.js';

describe('envelopeFailure', () => {
  const endpoint = 'POST /api2/asset/get';

  it('treats error 0, and a missing error with the expected key, as success', () => {
    expect(envelopeFailure(endpoint, { error: 0 }, ['assets'], false)).toBeNull();
    expect(envelopeFailure(endpoint, { img: 'iVBOR' }, ['img'], true)).toBeNull();
  });

  it('is BAD_RESPONSE when neither error nor the expected key is there', () => {
    expect(envelopeFailure(endpoint, {}, ['img'], true)?.kind).toBe('BAD_RESPONSE');
  });

  it('classifies error messages: auth, not found on single-asset calls, else rejected', () => {
    const kind = (msg: string, single = false) => envelopeFailure(endpoint, { error: 1, msg }, ['assets'], single)?.kind;
    expect(kind('Invalid signature')).toBe('UNAUTHORIZED');
    expect(kind('Unknown owner')).toBe('UNAUTHORIZED');
    expect(kind('Message timestamp is too far from the current time')).toBe('UNAUTHORIZED');
    expect(kind('Asset not found', true)).toBe('NOT_FOUND');
    expect(kind('Asset not found', false)).toBe('REJECTED');
    expect(kind('The time range must not exceed 1 second', true)).toBe('REJECTED');
    expect(kind('limit must be between 1 and 100')).toBe('REJECTED');
    const failure = envelopeFailure(endpoint, { error: 1, msg: 'limit must be between 1 and 100' }, ['assets'], false);
    expect(failure).toMatchObject({ detail: 'limit must be between 1 and 100', status: 200, endpoint });
  });

  it('describes an error without msg by its code', () => {
    expect(envelopeFailure(endpoint, { error: 2 }, ['assets'], false)?.detail).toBe('error 2');
  });
});

describe('classifyUplynkError', () => {
  it('uses the envelope msg, plain text, or the status; the kind is left to the status', () => {
    expect(classifyUplynkError(503, { error: 1, msg: 'down for maintenance' })).toEqual({ detail: 'down for maintenance' });
    expect(classifyUplynkError(502, '<html>Bad Gateway</html>')).toEqual({ detail: '<html>Bad Gateway</html>' });
    expect(classifyUplynkError(500, undefined)).toEqual({ detail: 'HTTP 500' });
  });
});

describe('planUplynkList', () => {
  it('peeks one past a window below 100', () => {
    expect(planUplynkList({ offset: 20, limit: 10 })).toEqual([{ skip: 20, take: 10, ask: 11 }]);
  });

  it('asks for exactly 100 on a full page (the limit cannot exceed 100)', () => {
    expect(planUplynkList({ offset: 0, limit: 100 })).toEqual([{ skip: 0, take: 100, ask: 100 }]);
  });

  it('splits larger windows into pages of 100', () => {
    expect(planUplynkList({ offset: 5, limit: 150 })).toEqual([
      { skip: 5, take: 100, ask: 100 },
      { skip: 105, take: 50, ask: 51 },
    ]);
  });
});

describe('uplynkListParams', () => {
  const call = { skip: 20, take: 10, ask: 11 };

  it('always says whether shared libraries are wanted: ignored unless asked for', () => {
    expect(uplynkListParams(call, {})).toEqual({ skip: 20, limit: 11, order: '-created', ignore_shared_libraries: true });
    expect(uplynkListParams(call, { includeShared: true, search: '  news ' })).toEqual({
      skip: 20,
      limit: 11,
      order: '-created',
      ignore_shared_libraries: false,
      query: 'news',
    });
  });
});

describe('thumbTimes', () => {
  it('spreads the images over the range, cut at the asset end', () => {
    expect(thumbTimes({ start: 1000, stop: 2000 }, 25)).toEqual(Array.from({ length: 25 }, (_, i) => 1000 + i * 40));
    expect(thumbTimes({ start: 0, stop: 1000 }, 4, 0.5)).toEqual([0, 125, 250, 375]);
    expect(thumbTimes({ start: 0, stop: 1000 }, 0)).toEqual([]);
  });
});

describe('thumbRange', () => {
  it('defaults stop to start + 1 s and accepts timecodes', () => {
    expect(thumbRange(91_415, undefined)).toEqual({ start: 91_415, stop: 92_415 });
    expect(thumbRange('00:01:31.415', '00:01:32')).toEqual({ start: 91_415, stop: 92_000 });
  });

  it.each([
    [1000, 1000, 'must be after start'],
    [2000, 1000, 'must be after start'],
    [0, 1001, 'at most 1 second'],
    ['1:2:3', 5000, 'must be milliseconds'],
    [-5, 10, 'must be milliseconds'],
  ])('rejects start %j, stop %j as bad input', (start, stop, message) => {
    let caught: unknown;
    try {
      thumbRange(start, stop);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('BAD_USER_INPUT');
    expect((caught as DomainError).message).toContain(message);
  });
});
