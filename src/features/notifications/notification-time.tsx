import { formatDateTime, formatRelative } from '@/lib/format';
import { cn } from '@/lib/utils';

/** When a notification came: "3 minutes ago", the exact time on hover. */
export function NotificationTime({ date, className }: { date: Date; className?: string }) {
  return (
    <time
      dateTime={date.toISOString()}
      title={formatDateTime(date)}
      className={cn('text-xs text-muted-foreground', className)}
      // The server's "now" and the browser's differ by the time the page takes to arrive.
      suppressHydrationWarning
    >
      {formatRelative(date)}
    </time>
  );
}
