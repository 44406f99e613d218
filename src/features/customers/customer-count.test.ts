import { describe, expect, it } from 'vitest';
import { countLabel } from './customer-count';

describe('countLabel', () => {
  it('says how many customers there are, and when there may be more', () => {
    expect(countLabel({ count: 1, capped: false }, false)).toBe('1 customer');
    expect(countLabel({ count: 10_000, capped: true }, false)).toBe('10,000+ customers');
  });

  it('says how many match, with "+" when a search counted among the newest only', () => {
    expect(countLabel({ count: 1, capped: false }, true)).toBe('1 customer matches');
    expect(countLabel({ count: 1, capped: true }, true)).toBe('1+ customers match');
    expect(countLabel({ count: 0, capped: true }, true)).toBe(
      'No match among the newest customers yet',
    );
  });
});
