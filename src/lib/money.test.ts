import { describe, expect, it } from 'vitest';
import { minorDigits, minorUnitsInput, parseMoney } from './money';

describe('minorDigits', () => {
  it('knows how many minor units a currency has', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('counts two for a code it does not know', () => {
    expect(minorDigits('not a code')).toBe(2);
  });
});

describe('parseMoney', () => {
  it('reads major units as whole minor units of the currency', () => {
    expect(parseMoney('150', 'USD')).toEqual({ minorUnits: 15000 });
    expect(parseMoney('99.50', 'USD')).toEqual({ minorUnits: 9950 });
    expect(parseMoney('12.5', 'USD')).toEqual({ minorUnits: 1250 });
    expect(parseMoney('.5', 'USD')).toEqual({ minorUnits: 50 });
    expect(parseMoney('7.', 'USD')).toEqual({ minorUnits: 700 });
    expect(parseMoney(' 0 ', 'USD')).toEqual({ minorUnits: 0 });
    expect(parseMoney('1200', 'JPY')).toEqual({ minorUnits: 1200 });
    expect(parseMoney('1.234', 'KWD')).toEqual({ minorUnits: 1234 });
  });

  it('never goes through floating point', () => {
    // 0.29 * 100 is 28.999999999999996 and 1.005 * 100 is 100.49999999999999 in floating point.
    expect(parseMoney('0.29', 'USD')).toEqual({ minorUnits: 29 });
    expect(parseMoney('1.10', 'USD')).toEqual({ minorUnits: 110 });
    expect(parseMoney('1.005', 'KWD')).toEqual({ minorUnits: 1005 });
    expect(parseMoney('999999999.99', 'USD')).toEqual({ minorUnits: 99999999999 });
  });

  it('accepts zeros past the minor unit', () => {
    expect(parseMoney('12.500', 'USD')).toEqual({ minorUnits: 1250 });
    expect(parseMoney('1200.00', 'JPY')).toEqual({ minorUnits: 1200 });
  });

  it('refuses a fraction finer than the minor unit instead of rounding it', () => {
    expect(parseMoney('12.345', 'USD')).toEqual({ error: 'must have at most 2 decimal places' });
    expect(parseMoney('0.001', 'USD')).toEqual({ error: 'must have at most 2 decimal places' });
    expect(parseMoney('12.5', 'JPY')).toEqual({ error: 'must be a whole amount' });
    expect(parseMoney('1.2345', 'KWD')).toEqual({ error: 'must have at most 3 decimal places' });
  });

  it('asks for an amount when nothing is typed', () => {
    expect(parseMoney('', 'USD')).toEqual({ error: 'is required' });
    expect(parseMoney('   ', 'USD')).toEqual({ error: 'is required' });
  });

  it('takes only a decimal point: a comma, a grouping or an exponent is not a number', () => {
    for (const text of [
      '12,50',
      '1,234.50',
      '1 234',
      '1e3',
      '0x10',
      '+5',
      '.',
      '-',
      'abc',
      '1.2.3',
    ]) {
      expect(parseMoney(text, 'USD'), text).toEqual({ error: 'must be a number' });
    }
  });

  it('refuses negative amounts, but not a negative zero', () => {
    expect(parseMoney('-5', 'USD')).toEqual({ error: 'must not be negative' });
    expect(parseMoney('-0.01', 'USD')).toEqual({ error: 'must not be negative' });
    expect(parseMoney('-0.001', 'USD')).toEqual({ error: 'must not be negative' });
    expect(parseMoney('-0', 'USD')).toEqual({ minorUnits: 0 });
  });

  it('reads an amount of any size, leaving the limit to the caller', () => {
    expect(parseMoney('12345678901234567890', 'USD').minorUnits).toBeGreaterThan(
      Number.MAX_SAFE_INTEGER,
    );
  });
});

describe('minorUnitsInput', () => {
  it('writes minor units back as the amount people type', () => {
    expect(minorUnitsInput(1250, 'USD')).toBe('12.50');
    expect(minorUnitsInput(5, 'USD')).toBe('0.05');
    expect(minorUnitsInput(0, 'USD')).toBe('0.00');
    expect(minorUnitsInput(1200, 'JPY')).toBe('1200');
    expect(minorUnitsInput(1234, 'KWD')).toBe('1.234');
  });

  it('reads back as the same minor units', () => {
    for (const minorUnits of [0, 1, 29, 110, 9950, 99999999999]) {
      expect(parseMoney(minorUnitsInput(minorUnits, 'USD'), 'USD')).toEqual({ minorUnits });
    }
  });
});
