import { describe, expect, it } from 'vitest';
import { approximateWait, tooManyRequestsMessage } from './wait-time';

describe('approximateWait', () => {
  it.each([
    [553, 'about 9 minutes'],
    [30, 'about 30 seconds'],
    [60, 'about a minute'],
    [89, 'about a minute'],
    [90, 'about 2 minutes'],
    [7200, 'about 2 hours'],
    [3580, 'about an hour'],
    [3500, 'about 58 minutes'],
    [5, 'about 5 seconds'],
    [1, 'about a second'],
    [43, 'about 45 seconds'],
    [56, 'about a minute'],
    [86_400 * 3, 'about 3 days'],
  ])('says %i seconds as "%s"', (seconds, words) => {
    expect(approximateWait(seconds)).toBe(words);
  });

  it('treats nothing left, fractions and nonsense as a second at least', () => {
    expect(approximateWait(0)).toBe('about a second');
    expect(approximateWait(-4)).toBe('about a second');
    expect(approximateWait(1.2)).toBe('about 2 seconds');
    expect(approximateWait(Number.NaN)).toBe('about a second');
  });

  it('never says "60 minutes" or "24 hours"', () => {
    for (let seconds = 1; seconds < 86_400 * 2; seconds += 61) {
      expect(approximateWait(seconds)).not.toMatch(/\b(60 minutes|24 hours|60 seconds)\b/);
    }
  });
});

describe('tooManyRequestsMessage', () => {
  it('words the refusal with the approximate wait', () => {
    expect(tooManyRequestsMessage(553)).toBe('Too many requests; try again in about 9 minutes');
  });
});
