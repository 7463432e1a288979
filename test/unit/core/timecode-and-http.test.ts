import { describe, expect, it } from 'vitest';
import { encodeQuery, retryAfter } from '../../../src/providers/http/index.js';
import { msToTimecode, timecodeToMs } from '../../../src/providers/timecode.js';

describe('timecodes', () => {
  it.each([
    [0, 0],
    [90500, 90500],
    ['00:01:30.5', 90500],
    ['01:00:00', 3_600_000],
    ['00:00:01.250', 1250],
  ])('%j is %i ms', (input, ms) => expect(timecodeToMs(input)).toBe(ms));

  it.each([-1, 1.5, '1:2', '00:60:00', '00:00:00.1234', 'abc', null, {}])('%j is malformed', (input) => expect(timecodeToMs(input)).toBeUndefined());

  it('formats milliseconds', () => expect(msToTimecode(3_723_004)).toBe('01:02:03.004'));
});

describe('http helpers', () => {
  it('reads Retry-After as seconds, as a date, and retry-after-ms', () => {
    expect(retryAfter({ 'retry-after': '3' })).toBe(3000);
    expect(retryAfter({ 'retry-after-ms': '250' })).toBe(250);
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    expect(retryAfter({ 'retry-after': inTwoSeconds })).toBeGreaterThan(500);
    expect(retryAfter({})).toBeUndefined();
    expect(retryAfter({ 'retry-after': 'soon' })).toBeUndefined();
  });

  it('repeats array query keys', () => {
    expect(encodeQuery({ asset_ids: ['a', 'b'], page: 1, skip: undefined })).toBe('?asset_ids=a&asset_ids=b&page=1');
  });
});
