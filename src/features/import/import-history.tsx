'use client';

import { ErrorState } from '@/components/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { formatDateTime, formatRelative } from '@/lib/format';
import { api } from '@/trpc/react';
import { ImportStatusBadge, isFinished } from './import-status-badge';

const numberFormat = new Intl.NumberFormat();
const n = (value: number) => numberFormat.format(value);

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
      {list.isPending ? (
        <div className="grid gap-2" role="status" aria-label="Loading recent imports">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <ErrorState
          what="The recent imports could not be loaded."
          error={list.error}
          retry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <div className="rounded-lg border border-dashed bg-background p-10 text-center">
          <p className="font-medium">No imports yet.</p>
          <p className="mt-1 text-sm text-muted-foreground">
            Choose a CSV file above to import your first customers.
          </p>
        </div>
      ) : (
        <div className="rounded-lg border bg-background">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>File</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Rows</TableHead>
                <TableHead className="text-right">Created</TableHead>
                <TableHead className="text-right">Updated</TableHead>
                <TableHead className="text-right">Skipped</TableHead>
                <TableHead className="text-right">With problems</TableHead>
                <TableHead className="text-right">Started</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.map((job) => (
                <TableRow key={job.id}>
                  <TableCell className="max-w-64 truncate font-medium" title={job.filename}>
                    {job.filename}
                  </TableCell>
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
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
