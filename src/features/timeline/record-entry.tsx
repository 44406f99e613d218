import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDateTime, formatMoney } from '@/lib/format';
import { ORDER_STATUS_LABELS } from '@/schemas/order-constants';
import type { TimelineEntry } from '@/schemas/timeline';
import { fieldLabel, shownValue } from './field-labels';
import { TimelineCard } from './timeline-card';
import { ENTRY_ICONS, ENTRY_LABELS } from './timeline-types';

const STATUS_LABELS: Record<string, string> = {
  ...ORDER_STATUS_LABELS,
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
  done: 'Done',
};

const linkClass = 'underline-offset-4 hover:underline';

/** "by Ada Lovelace · ", or who else made it when the person is unknown. */
function actorLine(entry: TimelineEntry): string {
  if (entry.actorName) return `by ${entry.actorName} · `;
  if (entry.actorType === 'api_key') return 'by an API key · ';
  if (entry.actorType === 'user') return 'by a former member · ';
  if (entry.actorType === 'system') return 'automatically · ';
  return '';
}

function headingOf(entry: TimelineEntry): React.ReactNode {
  const { subject } = entry;
  switch (entry.type) {
    case 'order':
      return (
        <Link href={`/orders/${subject.id}`} className={linkClass}>
          Order {subject.title}
        </Link>
      );
    case 'deal':
      if (entry.status === 'created') return `Opened in ${entry.detail}`;
      if (entry.status === 'moved') return `Moved to ${entry.detail}`;
      return (
        <Link href={`/deals/${subject.id}`} className={linkClass}>
          {subject.title}
        </Link>
      );
    case 'task':
      return (
        <Link href="/tasks" className={linkClass}>
          {subject.title}
        </Link>
      );
    default: {
      const fields = entry.changes.map((change) => fieldLabel(change.field));
      return fields.length > 0 ? `Changed ${fields.join(', ')}` : `Changed ${subject.title}`;
    }
  }
}

/** Status, amount and due date, as far as the entry has them. */
function Facts({ entry }: { entry: TimelineEntry }) {
  const status = entry.status ? STATUS_LABELS[entry.status] : undefined;
  const facts = [
    entry.type === 'deal' && entry.detail && status ? entry.detail : null,
    entry.amountCents !== null && entry.currency
      ? formatMoney(entry.amountCents, entry.currency)
      : null,
    entry.dueAt ? `Due ${formatDateTime(entry.dueAt)}` : null,
  ].filter((fact): fact is string => fact !== null);
  if (!status && facts.length === 0) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
      {status ? <Badge variant="outline">{status}</Badge> : null}
      {facts.map((fact) => (
        // A due time is written in the reader's zone, which the server does not know.
        <span key={fact} suppressHydrationWarning>
          {fact}
        </span>
      ))}
    </p>
  );
}

function Changes({ entry }: { entry: TimelineEntry }) {
  if (entry.changes.length === 0) return null;
  return (
    <dl className="grid gap-1 text-sm">
      {entry.changes.map((change) => (
        <div key={change.field} className="flex flex-wrap gap-x-2">
          <dt className="font-medium">{fieldLabel(change.field)}:</dt>
          <dd className="min-w-0 break-words">
            <span className="text-muted-foreground">{shownValue(change.before)}</span>
            <span aria-hidden="true"> → </span>
            <span className="sr-only"> changed to </span>
            {shownValue(change.after)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * An order, a deal or a move of it, a task, or a change to the record's fields, on a timeline.
 * `context` names the customer an entry is for, on timelines that show several people's.
 */
export function RecordEntry({
  entry,
  context,
}: {
  entry: TimelineEntry;
  context?: React.ReactNode;
}) {
  return (
    <TimelineCard
      icon={ENTRY_ICONS[entry.type]}
      label={ENTRY_LABELS[entry.type]}
      heading={headingOf(entry)}
      byline={
        <>
          {context ? <>{context} · </> : null}
          {actorLine(entry)}
        </>
      }
      at={entry.at}
    >
      {entry.type === 'change' ? <Changes entry={entry} /> : <Facts entry={entry} />}
      {entry.type === 'task' && entry.detail ? (
        <p className="text-sm break-words whitespace-pre-wrap">{entry.detail}</p>
      ) : null}
    </TimelineCard>
  );
}
