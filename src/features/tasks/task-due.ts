import { formatDateTime, formatRelative } from '@/lib/format';

/** How a task's due time reads in a list: "in 2 hours" beside "Dec 4, 2026, 9:00 AM". */
export interface DueLabel {
  relative: string;
  absolute: string;
  /** Due before now and not done yet. */
  overdue: boolean;
}

export function describeDue(
  dueAt: Date,
  { completed = false, now = Date.now() }: { completed?: boolean; now?: number } = {},
): DueLabel {
  return {
    relative: formatRelative(dueAt, now),
    absolute: formatDateTime(dueAt),
    overdue: !completed && dueAt.getTime() < now,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A time as a `datetime-local` input shows it, in the browser's time zone: "2026-12-04T09:30". */
export function toDueInput(date: Date | null): string {
  if (!date) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** What a `datetime-local` input holds, as the moment it means locally; none when empty. */
export function fromDueInput(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(year, month - 1, day, hours, minutes);
  // Rejects days that do not exist (Feb 30), which Date would roll into the next month.
  return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}
