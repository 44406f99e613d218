'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
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
import { rowState, type ReviewRow, type RowState } from './review-rows';

const STATE_WORDS: Record<RowState, string> = {
  ok: 'Ready',
  skipped: 'Skipped',
  invalid: 'Has problems',
};

/**
 * The rows of the file with their problems in place: a cell with a problem is outlined and its
 * message is under it; the cells of a row that had problems can be corrected right there.
 */
export function ReviewTable({
  caption,
  columns,
  rows,
  checking,
  onEdit,
  onCommit,
  onSkip,
}: {
  caption: string;
  /** The columns that are imported, in the file's order. */
  columns: string[];
  rows: ReviewRow[];
  /** Lines being checked again after a correction. */
  checking: ReadonlySet<number>;
  onEdit: (line: number, column: string, value: string) => void;
  onCommit: (line: number) => void;
  onSkip: (line: number, skipped: boolean) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <Table>
        <TableCaption className="sr-only">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead className="w-16">Line</TableHead>
            {columns.map((column) => (
              <TableHead key={column}>{column}</TableHead>
            ))}
            <TableHead className="min-w-48">Row</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <ReviewTableRow
              key={row.line}
              row={row}
              columns={columns}
              checking={checking.has(row.line)}
              onEdit={onEdit}
              onCommit={onCommit}
              onSkip={onSkip}
            />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function ReviewTableRow({
  row,
  columns,
  checking,
  onEdit,
  onCommit,
  onSkip,
}: {
  row: ReviewRow;
  columns: string[];
  checking: boolean;
  onEdit: (line: number, column: string, value: string) => void;
  onCommit: (line: number) => void;
  onSkip: (line: number, skipped: boolean) => void;
}) {
  const baseId = useId();
  const state = rowState(row);
  const rowProblems = row.problems.filter(
    (problem) => problem.column === null || !columns.includes(problem.column),
  );
  return (
    <TableRow
      data-state={state === 'ok' ? undefined : state}
      className={cn('align-top', state === 'skipped' && 'text-muted-foreground')}
    >
      <TableCell className="pt-4 tabular-nums">{row.line}</TableCell>
      {columns.map((column, i) => {
        const value = row.values[column] ?? '';
        const problem =
          state === 'skipped' ? undefined : row.problems.find((p) => p.column === column);
        if (!row.flagged) {
          return (
            <TableCell key={column} className="max-w-48 truncate pt-4" title={value}>
              {value || <span className="text-muted-foreground">—</span>}
            </TableCell>
          );
        }
        const messageId = `${baseId}-${i}-problem`;
        return (
          <TableCell key={column} className="min-w-40 whitespace-normal">
            <Input
              aria-label={`${column}, line ${row.line}`}
              value={value}
              disabled={row.skipped}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? messageId : undefined}
              className="aria-invalid:ring-[3px]"
              onChange={(event) => onEdit(row.line, column, event.target.value)}
              onBlur={() => onCommit(row.line)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  onCommit(row.line);
                }
              }}
            />
            {problem ? (
              <p id={messageId} className="mt-1 text-xs text-destructive">
                {problem.message}
              </p>
            ) : null}
          </TableCell>
        );
      })}
      <TableCell className="whitespace-normal">
        <div className="grid justify-items-start gap-1">
          <span className={cn('text-sm', state === 'invalid' && 'font-medium text-destructive')}>
            {checking ? 'Checking…' : STATE_WORDS[state]}
          </span>
          {state !== 'skipped'
            ? rowProblems.map((problem) => (
                <span key={problem.field} className="text-xs text-destructive">
                  {problem.message}
                </span>
              ))
            : null}
          <Button
            type="button"
            variant="outline"
            size="sm"
            aria-label={`${row.skipped ? 'Include' : 'Skip'} line ${row.line}`}
            onClick={() => onSkip(row.line, !row.skipped)}
          >
            {row.skipped ? 'Include' : 'Skip'}
          </Button>
        </div>
      </TableCell>
    </TableRow>
  );
}
