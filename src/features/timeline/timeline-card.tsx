import type { LucideIcon } from 'lucide-react';
import { formatDateTime, formatRelative } from '@/lib/format';

/**
 * One entry of a timeline: its kind's icon, a heading, who and when ("Call · by Ada · 2 hours
 * ago"; `byline` ends in " · "), `actions` beside the heading and details below it.
 */
export function TimelineCard({
  icon: Icon,
  label,
  heading,
  byline,
  at,
  actions,
  children,
}: {
  icon: LucideIcon;
  label: string;
  heading: React.ReactNode;
  byline: React.ReactNode;
  at: Date;
  actions?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <li className="flex gap-3 rounded-lg border bg-background p-4">
      <div
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground"
        aria-hidden="true"
      >
        <Icon className="size-4" />
      </div>
      <article className="grid min-w-0 flex-1 gap-1">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h3 className="font-medium break-words">
              <span className="sr-only">{label}: </span>
              {heading}
            </h3>
            <p className="text-xs text-muted-foreground">
              <span aria-hidden="true">{label} · </span>
              {byline}
              <time suppressHydrationWarning dateTime={at.toISOString()} title={formatDateTime(at)}>
                {formatRelative(at)}
              </time>
            </p>
          </div>
          {actions}
        </div>
        {children}
      </article>
    </li>
  );
}
