'use client';

import { ChevronRightIcon } from 'lucide-react';
import Link from 'next/link';
import { Fragment, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ListTable, type ListColumn } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { RouterOutputs } from '@/trpc/react';
import { AuditDiff } from './audit-diff';

type AuditEntry = RouterOutputs['audit']['list']['items'][number];

const COLUMNS: ListColumn[] = [
  { label: '#', className: 'w-16' },
  'When',
  'Who',
  'Action',
  'Entity',
  { label: 'Changes', srOnly: true, className: 'w-12' },
];

function actorOf(entry: AuditEntry): string {
  if (entry.actorName) return entry.actorName;
  if (entry.actorType === 'api_key') return 'API key';
  if (entry.actorType === 'system') return 'System';
  return 'A former member';
}

/** Entities with a page of their own. */
function entityHref(entry: AuditEntry): string | null {
  if (!entry.entityId) return null;
  if (entry.entityType === 'customer') return `/customers/${entry.entityId}`;
  if (entry.entityType === 'order') return `/orders/${entry.entityId}`;
  return null;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <ListTable columns={COLUMNS}>
      {entries.map((entry) => {
        const expanded = open.has(entry.id);
        const detailsId = `audit-entry-${entry.id}`;
        const href = entityHref(entry);
        const entity = (
          <>
            {entry.entityType}
            {entry.entityId ? (
              <span className="ml-1 font-mono text-xs">{entry.entityId.slice(0, 8)}</span>
            ) : null}
          </>
        );
        return (
          <Fragment key={entry.id}>
            <TableRow className={cn(expanded && 'border-b-0 bg-muted/30')}>
              <TableCell className="text-muted-foreground tabular-nums">
                #{entry.sequence}
              </TableCell>
              <TableCell>
                <time dateTime={entry.createdAt.toISOString()}>
                  {formatDateTime(entry.createdAt)}
                </time>
              </TableCell>
              <TableCell>{actorOf(entry)}</TableCell>
              <TableCell className="font-mono text-xs">{entry.action}</TableCell>
              <TableCell>
                {href ? (
                  <Link href={href} className="underline-offset-4 hover:underline">
                    {entity}
                  </Link>
                ) : (
                  entity
                )}
              </TableCell>
              <TableCell>
                <Button
                  variant="ghost"
                  size="icon"
                  aria-label={`Show changes of entry ${entry.sequence}`}
                  aria-expanded={expanded}
                  aria-controls={expanded ? detailsId : undefined}
                  onClick={() => toggle(entry.id)}
                >
                  <ChevronRightIcon
                    aria-hidden="true"
                    className={cn('transition-transform', expanded && 'rotate-90')}
                  />
                </Button>
              </TableCell>
            </TableRow>
            {expanded ? (
              <TableRow id={detailsId} className="bg-muted/30 hover:bg-muted/30">
                <TableCell colSpan={COLUMNS.length} className="whitespace-normal">
                  <AuditDiff entry={entry} />
                </TableCell>
              </TableRow>
            ) : null}
          </Fragment>
        );
      })}
    </ListTable>
  );
}
