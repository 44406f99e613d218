'use client';

import { EmptyState } from '@/components/empty-state';
import { ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { Badge } from '@/components/ui/badge';
import { TableCell, TableRow } from '@/components/ui/table';
import { nextPageCursor } from '@/lib/cursor-pages';
import { formatDateTime } from '@/lib/format';
import { fieldLabel, shownValue } from '@/features/timeline/field-labels';
import { api, type RouterOutputs } from '@/trpc/react';

type AuditEntry = RouterOutputs['audit']['listForRecord']['items'][number];

const AUDIT_PAGE_SIZE = 50;

/** What an entry did, by its action; entries about a related record name it after this. */
const ACTION_LABELS: Record<string, string> = {
  'customer.created': 'Created',
  'customer.updated': 'Changed',
  'customer.deleted': 'Deleted',
  'customer.restored': 'Restored',
  'customer.imported': 'Imported',
  'interaction.created': 'Added to the timeline:',
  'interaction.updated': 'Changed the timeline entry',
  'interaction.deleted': 'Deleted the timeline entry',
  'order.created': 'Created order',
  'order.status_changed': 'Changed the status of order',
  'order.lines_changed': 'Changed the lines of order',
  'task.created': 'Added the task',
  'task.updated': 'Changed the task',
  'task.completed': 'Completed the task',
  'task.reopened': 'Reopened the task',
  'task.deleted': 'Deleted the task',
};

/** Bookkeeping a person does not need to see in a change. */
const HIDDEN_FIELDS = new Set(['id', 'organizationId']);

function actionLabel(entry: AuditEntry): string {
  const label = ACTION_LABELS[entry.action] ?? entry.action;
  return entry.subjectTitle ? `${label} ${entry.subjectTitle}` : label;
}

function actorLabel(entry: AuditEntry): string {
  if (entry.actorName) return entry.actorName;
  if (entry.actorType === 'api_key') return 'An API key';
  if (entry.actorType === 'system') return 'The system';
  return 'A former member';
}

export function CustomerAudit({ customerId }: { customerId: string }) {
  const list = api.audit.listForRecord.useInfiniteQuery(
    { recordType: 'customer', recordId: customerId, limit: AUDIT_PAGE_SIZE },
    { getNextPageParam: nextPageCursor },
  );

  return (
    <PageSection id="audit-heading" title="Audit trail">
      <PagedList
        query={list}
        loading={{ label: 'Loading the audit trail', shape: 'items' }}
        failure="The audit trail could not be loaded."
        empty={
          <EmptyState>
            Nothing recorded about this customer yet. Changes to them, their timeline, orders and
            tasks appear here as they are made.
          </EmptyState>
        }
        moreLabel="Show older"
      >
        {(entries) => (
          <ol className="grid gap-3">
            {entries.map((entry) => (
              <AuditItem key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
      </PagedList>
    </PageSection>
  );
}

function AuditItem({ entry }: { entry: AuditEntry }) {
  const before = entry.changes.before ?? {};
  const after = entry.changes.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => !HIDDEN_FIELDS.has(field),
  );

  return (
    <li className="grid gap-3 rounded-lg border bg-background p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">
          {actionLabel(entry)}{' '}
          <span className="font-normal text-muted-foreground">by {actorLabel(entry)}</span>
        </h3>
        <p className="text-sm text-muted-foreground">
          <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
          <span className="ml-2 font-mono text-xs">#{entry.sequence}</span>
        </p>
      </div>
      {entry.changes.erased ? (
        <p className="text-sm text-muted-foreground">
          <Badge variant="outline">Erased</Badge>{' '}
          <span>What this entry recorded was removed when the customer was erased.</span>
        </p>
      ) : fields.length > 0 ? (
        <ListTable className="rounded-md bg-transparent" columns={['Field', 'Before', 'After']}>
          {fields.map((field) => (
            <TableRow key={field}>
              <TableCell className="font-medium">{fieldLabel(field)}</TableCell>
              <TableCell className="max-w-xs break-words whitespace-pre-wrap text-muted-foreground">
                {shownValue(before[field])}
              </TableCell>
              <TableCell className="max-w-xs break-words whitespace-pre-wrap">
                {shownValue(after[field])}
              </TableCell>
            </TableRow>
          ))}
        </ListTable>
      ) : null}
    </li>
  );
}
