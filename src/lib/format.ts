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

/** "3 minutes ago" for recent times, the date otherwise. */
export function formatRelative(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 7],
  ] as const) {
    const span = unit === 'second' ? 1 : unit === 'minute' ? 60 : unit === 'hour' ? 3600 : 86400;
    if (Math.abs(seconds) < size * span) return rtf.format(Math.round(seconds / span), unit);
  }
  return formatDate(date);
}
