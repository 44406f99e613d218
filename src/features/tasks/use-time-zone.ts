'use client';

/** The browser's time zone, whose "today" the due windows mean. */
export function useTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
