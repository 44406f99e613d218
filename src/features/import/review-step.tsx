'use client';

import { useMemo, useState } from 'react';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import type { ImportField } from '@/schemas/imports';
import { api, type RouterOutputs } from '@/trpc/react';
import { downloadCsv } from './csv-file';
import type { ChosenFile } from './file-step';
import { KIND_WORDS, type DuplicatePolicy } from './mapping';
import {
  fileToImport,
  rejectedRows,
  rejectedRowsCsv,
  reviewCounts,
  reviewRowsOf,
  type RejectedRow,
  type ReviewRow,
} from './review-rows';
import { ReviewTable } from './review-table';
import { StepCard } from './step-card';

export type CheckedFile = RouterOutputs['imports']['check'];

/** What the progress step needs to give back the rows an import left out. */
export interface ImportOutcome {
  headers: string[];
  /** Rows left out before the import: skipped, or with problems. */
  leftOut: RejectedRow[];
  /** Line of the file sent → the row of the original file. */
  rowAtLine: ReadonlyMap<number, ReviewRow>;
  filename: string;
}

/** Rows shown at first, and added by "Show more rows". */
const PAGE = 50;

const numberFormat = new Intl.NumberFormat();
const rowsWord = (count: number) => (count === 1 ? '1 row' : `${numberFormat.format(count)} rows`);

/** "people.csv" → "people-not-imported.csv". */
export const rejectedFilename = (filename: string) =>
  `${filename.replace(/\.csv$/i, '') || 'import'}-not-imported.csv`;

/** Step 3: every row checked; problems fixed in place or rows skipped, then the import. */
export function ReviewStep({
  file,
  checked,
  mapping,
  duplicates,
  focusOnMount,
  onBack,
  onStarted,
}: {
  file: ChosenFile;
  checked: CheckedFile;
  mapping: Record<string, ImportField>;
  duplicates: DuplicatePolicy;
  focusOnMount: boolean;
  onBack: () => void;
  onStarted: (importId: string, outcome: ImportOutcome) => void;
}) {
  const utils = api.useUtils();
  const { headers } = checked;
  const columns = useMemo(
    () => headers.filter((header) => Object.hasOwn(mapping, header)),
    [headers, mapping],
  );
  const [rows, setRows] = useState(() => reviewRowsOf(checked.rows));
  const counts = reviewCounts(rows);
  const flagged = rows.filter((row) => row.flagged || row.skipped);
  const [view, setView] = useState<'review' | 'all'>(flagged.length > 0 ? 'review' : 'all');
  const [shown, setShown] = useState(PAGE);
  const [checking, setChecking] = useState<ReadonlySet<number>>(new Set());
  // Lines changed since they were last checked.
  const [changed, setChanged] = useState<ReadonlySet<number>>(new Set());
  const check = api.imports.check.useMutation();
  const start = api.imports.start.useMutation({
    onError: (error) => toast.error(`The import could not start: ${describeError(error)}`),
  });

  const update = (line: number, change: (row: ReviewRow) => ReviewRow) =>
    setRows((current) => current.map((row) => (row.line === line ? change(row) : row)));
  const withLine = (set: ReadonlySet<number>, line: number, present: boolean) => {
    const next = new Set(set);
    if (present) next.add(line);
    else next.delete(line);
    return next;
  };

  function edit(line: number, column: string, value: string) {
    update(line, (row) => ({ ...row, values: { ...row.values, [column]: value } }));
    setChanged((current) => withLine(current, line, true));
  }

  async function commit(line: number) {
    const row = rows.find((candidate) => candidate.line === line);
    if (!row || !changed.has(line)) return;
    setChanged((current) => withLine(current, line, false));
    setChecking((current) => withLine(current, line, true));
    try {
      // Each correction is checked on its own: several may be under way at once.
      const result = await check.mutateAsync({
        kind: file.kind,
        mapping,
        rows: [{ line, values: row.values }],
      });
      const problems = result.rows[0]?.problems ?? [];
      update(line, (current) => ({ ...current, problems }));
    } catch (error) {
      setChanged((current) => withLine(current, line, true));
      toast.error(`Line ${line} could not be checked: ${describeError(error)}`);
    } finally {
      setChecking((current) => withLine(current, line, false));
    }
  }

  function begin() {
    const { csv, rowAtLine } = fileToImport(headers, rows);
    const leftOut = rejectedRows(rows);
    start.mutate(
      {
        kind: file.kind,
        filename: file.name.trim().slice(0, 200) || 'import.csv',
        csv,
        mapping,
        duplicates,
      },
      {
        onSuccess: (created) => {
          toast.success(`Import of “${created.filename}” started`);
          void utils.imports.list.invalidate();
          onStarted(created.id, { headers, leftOut, rowAtLine, filename: created.filename });
        },
      },
    );
  }

  const listed = view === 'review' ? flagged : rows;
  const busy = checking.size > 0 || changed.size > 0;
  return (
    <StepCard
      title="Check the rows"
      description={
        <>
          Every row of <span className="font-medium text-foreground">{file.name}</span> was checked
          as the import will check it. Correct a value in place, or skip the row; only rows that are
          ready are imported.
        </>
      }
      focusOnMount={focusOnMount}
    >
      <p role="status" className="font-medium">
        {rowsWord(counts.ok)} ready to import, {numberFormat.format(counts.skipped)} skipped,{' '}
        {rowsWord(counts.invalid)} with problems
      </p>

      <div role="group" aria-label="Rows shown" className="flex flex-wrap gap-2">
        <Button
          type="button"
          size="sm"
          variant={view === 'review' ? 'secondary' : 'ghost'}
          aria-pressed={view === 'review'}
          onClick={() => setView('review')}
        >
          Rows to review ({numberFormat.format(flagged.length)})
        </Button>
        <Button
          type="button"
          size="sm"
          variant={view === 'all' ? 'secondary' : 'ghost'}
          aria-pressed={view === 'all'}
          onClick={() => setView('all')}
        >
          All rows ({numberFormat.format(rows.length)})
        </Button>
      </div>

      {listed.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {view === 'review'
            ? `No row has problems: every ${KIND_WORDS[file.kind].one} is ready to import.`
            : 'The file has no rows.'}
        </p>
      ) : (
        <div className="grid gap-2">
          <ReviewTable
            caption={view === 'review' ? 'Rows to review' : `The rows of ${file.name}`}
            columns={columns}
            rows={listed.slice(0, shown)}
            checking={checking}
            onEdit={edit}
            onCommit={(line) => void commit(line)}
            onSkip={(line, skipped) => update(line, (row) => ({ ...row, skipped }))}
          />
          {listed.length > shown ? (
            <div>
              <Button type="button" variant="outline" onClick={() => setShown(shown + PAGE)}>
                Show more rows
              </Button>
            </div>
          ) : null}
        </div>
      )}

      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={counts.ok === 0 || busy || start.isPending} onClick={begin}>
          {start.isPending ? 'Starting the import…' : 'Start import'}
        </Button>
        {counts.skipped + counts.invalid > 0 ? (
          <Button
            type="button"
            variant="outline"
            onClick={() =>
              downloadCsv(rejectedFilename(file.name), rejectedRowsCsv(headers, rejectedRows(rows)))
            }
          >
            Download rejected rows
          </Button>
        ) : null}
        <Button type="button" variant="outline" onClick={onBack} disabled={start.isPending}>
          Back to the columns
        </Button>
      </div>
    </StepCard>
  );
}
