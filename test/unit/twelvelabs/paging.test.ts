import { describe, expect, it } from 'vitest';
import { planPages } from '../../../src/providers/twelvelabs/client.js';

describe('Twelve Labs page planning', () => {
  it('asks for exactly the window when it aligns with a page of its own size', () => {
    expect(planPages({ offset: 0, limit: 20 })).toEqual({ pageLimit: 20, firstPage: 1, lastPage: 1, skip: 0 });
    expect(planPages({ offset: 40, limit: 20 })).toEqual({ pageLimit: 20, firstPage: 3, lastPage: 3, skip: 0 });
    expect(planPages({ offset: 50, limit: 50 })).toEqual({ pageLimit: 50, firstPage: 2, lastPage: 2, skip: 0 });
  });

  it('covers unaligned windows with pages of 50', () => {
    expect(planPages({ offset: 30, limit: 40 })).toEqual({ pageLimit: 50, firstPage: 1, lastPage: 2, skip: 30 });
    expect(planPages({ offset: 10, limit: 20 })).toEqual({ pageLimit: 50, firstPage: 1, lastPage: 1, skip: 10 });
    expect(planPages({ offset: 60, limit: 25 })).toEqual({ pageLimit: 50, firstPage: 2, lastPage: 2, skip: 10 });
  });

  it('covers windows wider than a page', () => {
    expect(planPages({ offset: 0, limit: 100 })).toEqual({ pageLimit: 50, firstPage: 1, lastPage: 2, skip: 0 });
    expect(planPages({ offset: 30, limit: 100 })).toEqual({ pageLimit: 50, firstPage: 1, lastPage: 3, skip: 30 });
    expect(planPages({ offset: 100, limit: 60 })).toEqual({ pageLimit: 50, firstPage: 3, lastPage: 4, skip: 0 });
  });
});
