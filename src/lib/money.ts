/**
 * Money is whole minor units of a currency (cents for USD, yen for JPY), as the server stores
 * it. People type major units ("12.50"); these turn one into the other without floating point,
 * so "0.29" is 29 cents, never 28.999… rounded.
 */

/** How many minor units a currency has: 2 for USD, 0 for JPY, 3 for KWD; 2 for an unknown code. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat(undefined, { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** A plain decimal number as a number input sends it: digits, at most one point, no exponent. */
const DECIMAL = /^(-?)(\d*)(?:\.(\d*))?$/;

export type ParsedMoney =
  { minorUnits: number; error?: undefined } | { minorUnits?: undefined; error: string };

function decimalsRule(digits: number): string {
  if (digits === 0) return 'must be a whole amount';
  return `must have at most ${digits} decimal ${digits === 1 ? 'place' : 'places'}`;
}

/**
 * An amount typed in major units, as whole minor units of the currency: "12.5" USD → 1250,
 * "1200" JPY → 1200. Only a decimal point separates the fraction (a comma is not a number
 * here), and a fraction finer than the currency's minor unit is refused rather than rounded.
 */
export function parseMoney(text: string, currency: string): ParsedMoney {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'is required' };
  const match = DECIMAL.exec(trimmed);
  const [, sign = '', whole = '', fraction = ''] = match ?? [];
  if (!match || whole + fraction === '') return { error: 'must be a number' };
  const digits = minorDigits(currency);
  const minorUnits = Number(whole + fraction.padEnd(digits, '0').slice(0, digits));
  if (sign && (minorUnits > 0 || /[1-9]/.test(fraction))) return { error: 'must not be negative' };
  if (/[1-9]/.test(fraction.slice(digits))) return { error: decimalsRule(digits) };
  return { minorUnits };
}

/** Whole minor units as people type the amount back into a field: 1250 USD → "12.50". */
export function minorUnitsInput(minorUnits: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minorUnits);
  const padded = String(minorUnits).padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
