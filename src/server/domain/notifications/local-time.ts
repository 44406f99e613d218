/** Times in a person's own time zone: the digest hour and quiet hours. */

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** Minutes after local midnight at `at` in the time zone. */
export function minuteOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/** `at` plus the minutes until the local clock next shows `target` (now when it does). */
function nextLocalMinute(at: Date, timeZone: string, target: number): Date {
  const wait = (target - minuteOfDay(at, timeZone) + DAY_MINUTES) % DAY_MINUTES;
  const startOfMinute = at.getTime() - (at.getTime() % MINUTE);
  return new Date(wait === 0 ? at.getTime() : startOfMinute + wait * MINUTE);
}

/**
 * When quiet hours end, if `at` falls in them (they may span midnight: 22:00 to 07:00); null
 * outside them. The start minute is quiet, the end minute is not.
 */
export function quietHoursEnd(
  quietHours: { start: number; end: number } | null,
  timeZone: string,
  at: Date,
): Date | null {
  if (!quietHours) return null;
  const { start, end } = quietHours;
  const now = minuteOfDay(at, timeZone);
  const quiet = start < end ? now >= start && now < end : now >= start || now < end;
  return quiet ? nextLocalMinute(at, timeZone, end) : null;
}

/** The next time the local clock shows the digest hour, on the hour. */
export function nextDigestAt(digestHour: number, timeZone: string, at: Date): Date {
  return nextLocalMinute(at, timeZone, digestHour * 60);
}
