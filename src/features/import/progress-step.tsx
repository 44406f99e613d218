'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { toast } from '@/lib/toast';
import { ErrorState } from '@/components/error-state';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { cn } from '@/lib/utils';
import type { ImportKind, ImportView } from '@/schemas/imports';
import { api } from '@/trpc/react';
import { downloadCsv } from './csv-file';
import { isFinished } from './import-status-badge';
import { KIND_WORDS, problemFieldLabel } from './mapping';
import { rejectedRowsCsv, rowsRejectedByImport } from './review-rows';
import { rejectedFilename, type ImportOutcome } from './review-step';
import { StepCard } from './step-card';

const POLL_MS = 500;
/** The server keeps at most this many problems per import. */
const MAX_LISTED_PROBLEMS = 500;

const numberFormat = new Intl.NumberFormat();
const n = (value: number) => numberFormat.format(value);

/** "Import finished: 3 created, 1 updated, 0 skipped, 2 rows with problems". */
export function importSummary(job: ImportView): string {
  const problems =
    job.errorCount === 1 ? '1 row with problems' : `${n(job.errorCount)} rows with problems`;
  return `Import finished: ${n(job.createdCount)} created, ${n(job.updatedCount)} updated, ${n(
    job.skippedCount,
  )} skipped, ${problems}`;
}

/** The last step: follow the import while it runs, then show what it did. */
export function ProgressStep({
  importId,
  outcome,
  focusOnMount,
  onReset,
}: {
  importId: string;
  /** The rows left out before the import, and where the rows sent came from. */
  outcome?: ImportOutcome;
  focusOnMount: boolean;
  onReset: () => void;
}) {
  const utils = api.useUtils();
  const job = api.imports.get.useQuery(
    { id: importId },
    {
      refetchInterval: (query) => {
        const status = query.state.data?.status;
        return status && isFinished(status) ? false : POLL_MS;
      },
    },
  );

  // Announce the outcome once, and refresh what the import changed.
  const announced = useRef(false);
  const status = job.data?.status;
  useEffect(() => {
    if (!job.data || !isFinished(job.data.status) || announced.current) return;
    announced.current = true;
    if (job.data.status === 'completed') toast.success(importSummary(job.data));
    else toast.error('The import failed; nothing was imported.');
    void utils.imports.list.invalidate();
    void utils.customers.invalidate();
    void utils.companies.invalidate();
    void utils.deals.invalidate();
    void utils.dashboard.invalidate();
  }, [job.data, status, utils]);

  if (job.isPending) {
    return (
      <StepCard title="Importing" focusOnMount={focusOnMount}>
        <div role="status" aria-label="Loading the import" className="grid gap-2">
          <Skeleton className="h-3 w-full" />
          <Skeleton className="h-4 w-48" />
        </div>
      </StepCard>
    );
  }
  if (job.isError) {
    return (
      <StepCard title="Importing" focusOnMount={focusOnMount}>
        <ErrorState
          what="The import's progress could not be loaded."
          error={job.error}
          retry={() => void job.refetch()}
        />
        <Actions onReset={onReset} />
      </StepCard>
    );
  }

  const data = job.data;
  if (!isFinished(data.status)) {
    return (
      <StepCard
        title="Importing"
        description={
          <>
            Importing <span className="font-medium text-foreground">{data.filename}</span>. You can
            leave this page; the import carries on and is listed under Recent imports.
          </>
        }
        focusOnMount={focusOnMount}
      >
        <ImportProgress job={data} />
      </StepCard>
    );
  }

  return (
    <StepCard
      title={data.status === 'completed' ? 'Import finished' : 'Import failed'}
      description={<span className="font-medium text-foreground">{data.filename}</span>}
      focusOnMount={focusOnMount}
    >
      {data.status === 'completed' ? (
        <p role="status" className="font-medium">
          {importSummary(data)}.
        </p>
      ) : (
        <Alert variant="destructive">
          <AlertTitle>The import failed</AlertTitle>
          <AlertDescription>
            {data.failure ?? 'The import could not be applied, so nothing was imported.'}
          </AlertDescription>
        </Alert>
      )}
      {outcome ? <RejectedRows job={data} outcome={outcome} /> : null}
      {data.errors.length > 0 ? (
        <ProblemsTable job={data} lineOf={(line) => outcome?.rowAtLine.get(line)?.line ?? line} />
      ) : null}
      <Actions kind={data.kind} onReset={onReset} />
    </StepCard>
  );
}

function Actions({ kind, onReset }: { kind?: ImportKind; onReset: () => void }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="button" onClick={onReset}>
        Import another file
      </Button>
      <Button asChild variant="outline">
        <Link href={`/${kind ?? 'customers'}`}>View {KIND_WORDS[kind ?? 'customers'].many}</Link>
      </Button>
    </div>
  );
}

/** The bar and the line under it: rows checked while validating, a full bar while importing. */
function ImportProgress({ job }: { job: ImportView }) {
  const total = Math.max(job.totalRows, 0);
  const max = Math.max(total, 1);
  const { value, text } =
    job.status === 'validating'
      ? {
          value: Math.min(job.processedRows, max),
          text: `Checking rows… ${n(job.processedRows)} of ${n(total)}`,
        }
      : job.status === 'importing'
        ? { value: max, text: 'Importing…' }
        : { value: 0, text: 'Waiting to start…' };
  const percent = (value / max) * 100;
  return (
    <div className="grid gap-2">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
        className="h-3 w-full overflow-hidden rounded-full bg-secondary"
      >
        <div
          className={cn(
            'h-full rounded-full bg-primary transition-[width] duration-300',
            job.status === 'importing' && 'animate-pulse',
          )}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p role="status" className="text-sm text-muted-foreground">
        {text}
      </p>
    </div>
  );
}

/** The rows this import did not take, before or during it, as a file to correct and import again. */
function RejectedRows({ job, outcome }: { job: ImportView; outcome: ImportOutcome }) {
  const rejected = [
    ...outcome.leftOut,
    ...(job.status === 'completed' ? rowsRejectedByImport(job.errors, outcome.rowAtLine) : []),
  ].sort((a, b) => a.line - b.line);
  if (rejected.length === 0) return null;
  const left = outcome.leftOut.length;
  return (
    <div className="grid justify-items-start gap-2">
      <p className="text-sm text-muted-foreground">
        {left > 0
          ? `${left === 1 ? '1 row was' : `${n(left)} rows were`} left out before the import. `
          : ''}
        Download the rows that were not imported, with why, to correct them and import them again.
      </p>
      <Button
        type="button"
        variant="outline"
        onClick={() =>
          downloadCsv(
            rejectedFilename(outcome.filename),
            rejectedRowsCsv(outcome.headers, rejected),
          )
        }
      >
        Download rejected rows
      </Button>
    </div>
  );
}

function ProblemsTable({ job, lineOf }: { job: ImportView; lineOf: (line: number) => number }) {
  const truncated = job.errors.length >= MAX_LISTED_PROBLEMS;
  return (
    <section className="grid gap-2" aria-labelledby="import-problems-heading">
      <h3 id="import-problems-heading" className="font-medium">
        Problems
      </h3>
      <p className="text-sm text-muted-foreground">
        Rows with problems were not imported; correct them and import those rows again.
        {truncated ? ` Only the first ${n(MAX_LISTED_PROBLEMS)} problems are listed.` : ''}
      </p>
      <div className="max-h-96 overflow-y-auto rounded-lg border">
        <Table>
          <TableCaption className="sr-only">Problems found in {job.filename}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead className="w-20">Line</TableHead>
              <TableHead className="w-40">Field</TableHead>
              <TableHead>Message</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {job.errors.map((problem, i) => (
              <TableRow key={`${problem.line}-${problem.field}-${i}`}>
                <TableCell className="tabular-nums">{lineOf(problem.line)}</TableCell>
                <TableCell>{problemFieldLabel(problem.field)}</TableCell>
                <TableCell className="whitespace-normal">{problem.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
