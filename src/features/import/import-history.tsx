'use client';

import { EmptyState } from '@/components/empty-state';
import { QueryState } from '@/components/query-state';
import { ListTable, type ListColumn } from '@/components/list-table';
import { TableCell, TableRow } from '@/components/ui/table';
import { formatDateTime, formatRelative } from '@/lib/format';
import { api, type RouterOutputs } from '@/trpc/react';
import { ImportStatusBadge, isFinished } from './import-status-badge';
import { KIND_WORDS } from './mapping';

type ImportJob = RouterOutputs['imports']['list'][number];

const numberFormat = new Intl.NumberFormat();
const n = (value: number) => numberFormat.format(value);

/** The counts and the start time align right. */
const COLUMNS: ListColumn[] = [
  'File',
  'Records',
  'Status',
  ...['Rows', 'Created', 'Updated', 'Skipped', 'With problems', 'Started'].map((label) => ({
    label,
    className: 'text-right',
  })),
];

/** The organization's latest imports, whoever started them. */
export function ImportHistory() {
  const list = api.imports.list.useQuery(undefined, {
    // While one runs, keep its status fresh (live changes only report start and end).
    refetchInterval: (query) =>
      query.state.data?.some((job) => !isFinished(job.status)) ? 2000 : false,
  });
  return (
    <section aria-labelledby="recent-imports-heading" className="grid grid-cols-1 gap-4">
      <h2 id="recent-imports-heading" className="text-lg font-semibold">
        Recent imports
      </h2>
      <QueryState
        query={list}
        loading={{ label: 'Loading recent imports', count: 3 }}
        failure="The recent imports could not be loaded."
        isEmpty={(jobs) => jobs.length === 0}
        empty={
          <EmptyState title="No imports yet.">
            Choose a CSV file above to import your first customers, companies or deals.
          </EmptyState>
        }
      >
        {(jobs) => <ImportsTable jobs={jobs} />}
      </QueryState>
    </section>
  );
}

function ImportsTable({ jobs }: { jobs: ImportJob[] }) {
  return (
    <ListTable columns={COLUMNS}>
      {jobs.map((job) => (
        <TableRow key={job.id}>
          <TableCell className="max-w-64 truncate font-medium" title={job.filename}>
            {job.filename}
          </TableCell>
          <TableCell>{KIND_WORDS[job.kind].many}</TableCell>
          <TableCell>
            <ImportStatusBadge status={job.status} />
          </TableCell>
          <TableCell className="text-right tabular-nums">{n(job.totalRows)}</TableCell>
          <TableCell className="text-right tabular-nums">{n(job.createdCount)}</TableCell>
          <TableCell className="text-right tabular-nums">{n(job.updatedCount)}</TableCell>
          <TableCell className="text-right tabular-nums">{n(job.skippedCount)}</TableCell>
          <TableCell className="text-right tabular-nums">{n(job.errorCount)}</TableCell>
          <TableCell className="text-right text-muted-foreground">
            <time
              dateTime={job.createdAt.toISOString()}
              title={formatDateTime(job.createdAt)}
              suppressHydrationWarning
            >
              {formatRelative(job.createdAt)}
            </time>
          </TableCell>
        </TableRow>
      ))}
    </ListTable>
  );
}
