import { MentionTextView } from '@/features/mentions/mention-text-view';
import { formatDateTime, formatRelative } from '@/lib/format';
import type { InteractionType } from '@/schemas/interactions';
import { INTERACTION_ICONS, INTERACTION_LABELS } from './interaction-form';

/**
 * One note, call, e-mail or meeting on a timeline: its kind's icon, its subject, who it was by
 * or with (`byline`, ending in " · ") and when, its content, and `actions` beside the subject.
 */
export function InteractionEntry({
  interaction: { type, subject, content, occurredAt },
  byline,
  actions,
}: {
  interaction: { type: InteractionType; subject: string; content: string; occurredAt: Date };
  byline: React.ReactNode;
  actions?: React.ReactNode;
}) {
  const Icon = INTERACTION_ICONS[type];
  const label = INTERACTION_LABELS[type];
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
              <MentionTextView text={subject} />
            </h3>
            <p className="text-xs text-muted-foreground">
              <span aria-hidden="true">{label} · </span>
              {byline}
              <time
                suppressHydrationWarning
                dateTime={occurredAt.toISOString()}
                title={formatDateTime(occurredAt)}
              >
                {formatRelative(occurredAt)}
              </time>
            </p>
          </div>
          {actions}
        </div>
        {content ? (
          <p className="text-sm break-words whitespace-pre-wrap">
            <MentionTextView text={content} />
          </p>
        ) : null}
      </article>
    </li>
  );
}
