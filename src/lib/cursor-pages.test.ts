import { describe, expect, it } from 'vitest';
import { loadedItems, nextPageCursor } from './cursor-pages';

describe('cursor pages', () => {
  it('asks for the page after this one until the last page', () => {
    expect(nextPageCursor({ items: [1], nextCursor: 'abc' })).toBe('abc');
    expect(nextPageCursor({ items: [1], nextCursor: null })).toBeUndefined();
  });

  it('lists the items of every loaded page in order, and none before the first', () => {
    const pages = [
      { items: ['a', 'b'], nextCursor: 'c1' },
      { items: ['c'], nextCursor: null },
    ];
    expect(loadedItems({ pages })).toEqual(['a', 'b', 'c']);
    expect(loadedItems(undefined)).toEqual([]);
  });
});
