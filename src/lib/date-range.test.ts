import { describe, expect, it } from 'vitest';
import { dateParam, localDay } from './date-range';

describe('dateParam', () => {
  it('keeps a real day', () => {
    expect(dateParam('2024-02-29')).toBe('2024-02-29');
    expect(dateParam('2025-12-31')).toBe('2025-12-31');
  });

  it('ignores what is missing, malformed or not a day of the calendar', () => {
    for (const value of [null, '', '2024-2-1', '2024-02-30', '2023-02-29', '2024-13-01', 'today']) {
      expect(dateParam(value), String(value)).toBeUndefined();
    }
  });
});

describe('localDay', () => {
  it('is midnight of the day in the browser’s time zone, moved by whole days', () => {
    expect(localDay('2024-03-09', 0)).toEqual(new Date(2024, 2, 9));
    expect(localDay('2024-02-29', 1)).toEqual(new Date(2024, 2, 1));
    expect(localDay('2024-12-31', 1)).toEqual(new Date(2025, 0, 1));
  });
});
