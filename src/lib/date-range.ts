/** Days of a date-range filter, kept in the URL as YYYY-MM-DD and read in the browser's zone. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight in the browser's time zone of a YYYY-MM-DD day, plus `offsetDays` days. */
export function localDay(day: string, offsetDays: number): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date! + offsetDays);
}

/** A YYYY-MM-DD search param, or undefined when it is missing or not a real date. */
export function dateParam(value: string | null): string | undefined {
  if (!value || !DAY.test(value)) return undefined;
  // A day that does not exist (2024-02-30) would roll over into the next month.
  const day = localDay(value, 0);
  const [year, month, date] = value.split('-').map(Number);
  return day.getFullYear() === year && day.getMonth() + 1 === month && day.getDate() === date
    ? value
    : undefined;
}
