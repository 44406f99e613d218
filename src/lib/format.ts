const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export const formatDate = (date: Date) => dateFormat.format(date);
export const formatDateTime = (date: Date) => dateTimeFormat.format(date);

/** Integer minor units (cents) in a currency, e.g. 123456 USD → "$1,234.56". */
export function formatMoney(cents: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(cents / 10 ** digits);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** "Ada Lovelace", or the e-mail address when there is no name. */
export function customerName(customer: {
  firstName: string;
  lastName: string;
  email?: string | null;
}) {
  return (
    `${customer.firstName} ${customer.lastName}`.trim() || customer.email || 'Unnamed customer'
  );
}

const RELATIVE_UNITS = [
  ['second', 1, 60],
  ['minute', 60, 60],
  ['hour', 3_600, 24],
  ['day', 86_400, 30],
  ['month', 2_592_000, 12],
] as const;
const YEAR_SECONDS = 31_536_000;
const WEEK_SECONDS = 604_800;

/** "3 days ago", "in 2 hours", "last month": how long ago (or ahead) a time is, from now. */
export function relativeTime(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size, upTo] of RELATIVE_UNITS) {
    if (Math.abs(seconds) < size * upTo) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / YEAR_SECONDS), 'year');
}

/** "3 minutes ago" for times within a week, the date otherwise. */
export function formatRelative(date: Date, now = Date.now()): string {
  return Math.abs(date.getTime() - now) < WEEK_SECONDS * 1000
    ? relativeTime(date, now)
    : formatDate(date);
}
