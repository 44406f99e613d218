import { linesOf, toCsv } from './csv-file';

/** A problem of a row, as the server found it: in words, and in which column. */
export interface RowProblem {
  field: string;
  /** The CSV column the problem is in; null when it is about the whole row. */
  column: string | null;
  message: string;
}

/** A row of the file under review. */
export interface ReviewRow {
  line: number;
  values: Record<string, string>;
  problems: RowProblem[];
  /** Left out by the person. */
  skipped: boolean;
  /** Had problems when first checked: it stays on the list of rows to review once fixed. */
  flagged: boolean;
}

export type RowState = 'ok' | 'skipped' | 'invalid';

export const rowState = (row: ReviewRow): RowState =>
  row.skipped ? 'skipped' : row.problems.length > 0 ? 'invalid' : 'ok';

/** The rows as first checked. */
export const reviewRowsOf = (
  rows: readonly { line: number; values: Record<string, string>; problems: RowProblem[] }[],
): ReviewRow[] => rows.map((row) => ({ ...row, skipped: false, flagged: row.problems.length > 0 }));

export function reviewCounts(rows: readonly ReviewRow[]) {
  const counts = { ok: 0, skipped: 0, invalid: 0 };
  for (const row of rows) counts[rowState(row)] += 1;
  return counts;
}

/** The problems of a row, joined into one cell's text. */
export const problemText = (problems: readonly RowProblem[]) =>
  problems.map((problem) => problem.message).join('; ');

/** A row that is not imported, with why. */
export interface RejectedRow {
  line: number;
  values: Record<string, string>;
  error: string;
}

export const SKIPPED_REASON = 'Skipped before the import';

/** The rows that will not be imported: skipped ones and those with problems, in file order. */
export function rejectedRows(rows: readonly ReviewRow[]): RejectedRow[] {
  return rows.flatMap((row) => {
    const state = rowState(row);
    if (state === 'ok') return [];
    const error = state === 'skipped' ? SKIPPED_REASON : problemText(row.problems);
    return [{ line: row.line, values: row.values, error }];
  });
}

/** Rejected rows as a CSV: the file's own columns, then an "Error" column. */
export function rejectedRowsCsv(headers: readonly string[], rows: readonly RejectedRow[]): string {
  return toCsv(
    [
      [...headers, 'Error'],
      ...rows.map((row) => [...headers.map((header) => row.values[header] ?? ''), row.error]),
    ],
    true,
  );
}

/**
 * The file to import: its header and the rows that are ready, with the people's corrections;
 * and for each line of that file, the row it came from (to match the import's result to them).
 */
export function fileToImport(headers: readonly string[], rows: readonly ReviewRow[]) {
  const ready = rows.filter((row) => rowState(row) === 'ok');
  const records = ready.map((row) => headers.map((header) => row.values[header] ?? ''));
  const rowAtLine = new Map<number, ReviewRow>();
  let line = linesOf(headers);
  for (const [i, row] of ready.entries()) {
    // A record's line is where it ends, as the server counts them.
    line += linesOf(records[i]!);
    rowAtLine.set(line, row);
  }
  return { csv: toCsv([headers, ...records]), rowAtLine };
}

/**
 * The rows an import left out, from its problems by line of the file sent, as rows of the
 * original file: their original line, values and the problems joined.
 */
export function rowsRejectedByImport(
  problems: readonly { line: number; message: string }[],
  rowAtLine: ReadonlyMap<number, ReviewRow>,
): RejectedRow[] {
  const byLine = new Map<number, string[]>();
  for (const problem of problems)
    byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem.message]);
  return [...byLine].flatMap(([line, messages]) => {
    const row = rowAtLine.get(line);
    return row ? [{ line: row.line, values: row.values, error: messages.join('; ') }] : [];
  });
}
