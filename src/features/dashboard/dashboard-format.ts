/**
 * Formatting for the dashboard. Weeks and months are computed on the server in UTC (weeks start
 * on Monday 00:00 UTC), so they are labelled in UTC too: otherwise a week would show as the
 * Sunday before it west of Greenwich.
 */

import { minorDigits } from '@/lib/money';

const weekFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const longWeekFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const longMonthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const numberFormat = new Intl.NumberFormat();
const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact' });

export const formatCount = (value: number) => numberFormat.format(value);
export const formatCompact = (value: number) => compactFormat.format(value);

/** "Mar 3", for an axis. */
export const weekLabel = (week: Date) => weekFormat.format(week);
/** "Week of Mar 3, 2025". */
export const weekLongLabel = (week: Date) => `Week of ${longWeekFormat.format(week)}`;

/** "2025-03" for the UTC month of `date`, as the server keys months. */
export function monthKey(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The keys of the twelve months up to and including the current one, oldest first. */
export function lastTwelveMonths(now = new Date()): string[] {
  return Array.from({ length: 12 }, (_, i) =>
    monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1))),
  );
}

function monthDate(key: string): Date {
  const [year, month] = key.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1));
}

/** "Mar", for an axis. */
export const monthLabel = (key: string) => monthFormat.format(monthDate(key));
/** "March 2025". */
export const monthLongLabel = (key: string) => longMonthFormat.format(monthDate(key));

/** Cents to major units (123456 USD → 1234.56), as charts plot them. */
export const toMajorUnits = (cents: number, currency: string) =>
  cents / 10 ** minorDigits(currency);

/** Major units back to cents, for formatMoney. */
export const toMinorUnits = (major: number, currency: string) =>
  Math.round(major * 10 ** minorDigits(currency));

/** "$1.2K", for an axis; falls back to a plain compact number for unknown currencies. */
export function formatCompactMoney(major: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      notation: 'compact',
    }).format(major);
  } catch {
    return compactFormat.format(major);
  }
}
