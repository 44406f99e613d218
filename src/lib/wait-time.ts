/**
 * How long until something can be tried again, in words a person reads at a glance:
 * 553 → "about 9 minutes", 30 → "about 30 seconds", 60 → "about a minute", 7200 → "about 2 hours".
 * Seconds are rounded to a friendly step below a minute, minutes and hours to the nearest one.
 */
export function approximateWait(seconds: number): string {
  const total = Math.max(1, Math.ceil(Number.isFinite(seconds) ? seconds : 1));
  if (total < 55) {
    if (total <= 10) return total === 1 ? 'about a second' : `about ${total} seconds`;
    return `about ${Math.round(total / 5) * 5} seconds`;
  }
  const minutes = Math.round(total / 60);
  if (minutes < 60) return minutes <= 1 ? 'about a minute' : `about ${minutes} minutes`;
  const hours = Math.round(total / 3600);
  if (hours < 24) return hours <= 1 ? 'about an hour' : `about ${hours} hours`;
  const days = Math.round(total / 86_400);
  return days <= 1 ? 'about a day' : `about ${days} days`;
}

/** "Too many requests; try again in about 9 minutes". */
export const tooManyRequestsMessage = (retryAfterSeconds: number) =>
  `Too many requests; try again in ${approximateWait(retryAfterSeconds)}`;
