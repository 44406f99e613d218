import { describe, expect, it } from 'vitest';
import { relevance } from './everything';
import { orderNumberIn } from './orders-by-number';

describe('orderNumberIn', () => {
  it.each([
    ['1042', 1042],
    ['#1042', 1042],
    ['ORD-1042', 1042],
    ['ord 1042', 1042],
    ['order #1042', 1042],
    ['Order no. 1042', 1042],
    ['  #7 ', 7],
  ])('reads %s as order %d', (term, number) => {
    expect(orderNumberIn(term)).toBe(number);
  });

  it.each(['rafa', '10 42', '#', 'ORD-', '1042a', '#0', '99999999999'])(
    'reads no order number in %s',
    (term) => {
      expect(orderNumberIn(term)).toBeUndefined();
    },
  );
});

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
