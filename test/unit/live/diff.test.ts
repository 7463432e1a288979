import { describe, expect, it } from 'vitest';
import { asDeleted, hasChanged, isTerminal, supersedes } from '../../../src/live/diff.js';
import { tlAsset } from './fixtures.js';

describe('live diffing', () => {
  it('knows the terminal statuses', () => {
    expect(['READY', 'FAILED', 'DELETED'].every((s) => isTerminal(s as never))).toBe(true);
    expect(isTerminal('PENDING')).toBe(false);
    expect(isTerminal('PROCESSING')).toBe(false);
  });

  it('sees a status change and a change of a READY-only field, nothing else', () => {
    const ready = tlAsset('a', 'READY');
    expect(hasChanged(tlAsset('a', 'PROCESSING'), ready)).toBe(true);
    expect(hasChanged(ready, { ...ready, url: 'https://cdn.example/other.m3u8' })).toBe(true);
    expect(hasChanged(ready, { ...ready, durationSeconds: 13 })).toBe(true);
    expect(hasChanged(ready, { ...ready, sizeBytes: 2000 })).toBe(true);
    expect(hasChanged(ready, { ...ready, name: 'renamed', userMetadata: { a: 1 }, updatedAt: new Date() })).toBe(false);
    expect(hasChanged(ready, tlAsset('a', 'READY'))).toBe(false);
  });

  it('never takes a late working state after a terminal one, nor anything after DELETED', () => {
    const processing = tlAsset('a', 'PROCESSING');
    const ready = tlAsset('a', 'READY');
    expect(supersedes(processing, ready)).toBe(true);
    expect(supersedes(ready, processing)).toBe(false);
    expect(supersedes(ready, asDeleted(ready))).toBe(true);
    expect(supersedes(asDeleted(ready), ready)).toBe(false);
    expect(supersedes(tlAsset('a', 'PENDING'), processing)).toBe(true);
    expect(supersedes(ready, ready)).toBe(false);
  });

  it('marks a deleted asset without losing its last state', () => {
    const ready = tlAsset('a', 'READY');
    expect(asDeleted(ready)).toEqual({ ...ready, status: 'DELETED' });
    expect(ready.status).toBe('READY');
  });
});
