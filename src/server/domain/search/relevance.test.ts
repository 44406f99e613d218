import { describe, expect, it } from 'vitest';
import { relevance } from './everything';

describe('relevance', () => {
  it('ranks a text that is the term, then one that starts with it, then one that contains it', () => {
    expect(relevance('Sunrise', ['sunrise'])).toBe(0);
    expect(relevance('sunrise', ['Sunrise expansion'])).toBe(1);
    expect(relevance('sunrise', ['Prepare the Sunrise quote'])).toBe(2);
    expect(relevance('sunrise', ['Sunnyside'])).toBe(3);
  });

  it('takes the best of a record’s texts and skips the empty ones', () => {
    expect(relevance('acme', [null, 'Jo Bloggs', 'acme', undefined])).toBe(0);
    expect(relevance('  jo   blo ', ['Jo Bloggs'])).toBe(1);
  });
});
