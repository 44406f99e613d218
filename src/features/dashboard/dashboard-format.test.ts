import { describe, expect, it } from 'vitest';
import { lastTwelveMonths, monthKey, toMajorUnits, toMinorUnits } from './dashboard-format';

describe('months', () => {
  it('lists the last twelve UTC months, oldest first', () => {
    const months = lastTwelveMonths(new Date('2025-02-10T12:00:00Z'));
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2024-03');
    expect(months[11]).toBe('2025-02');
    expect(monthKey(new Date('2025-12-31T23:59:59Z'))).toBe('2025-12');
  });
});

describe('money units', () => {
  it('converts cents by the currency’s digits', () => {
    expect(toMajorUnits(123456, 'USD')).toBe(1234.56);
    expect(toMinorUnits(1234.56, 'USD')).toBe(123456);
    expect(toMajorUnits(500, 'JPY')).toBe(500);
  });
});
