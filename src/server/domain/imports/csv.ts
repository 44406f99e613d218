import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '@/lib/formula-cells';
import { MAX_IMPORT_ROWS } from '@/schemas/imports';

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return stringify([
    cells.map((cell) =>
      cell === null || cell === undefined ? '' : neutraliseFormula(String(cell)),
    ),
  ]);
}

export interface ParsedCsv {
  headers: string[];
  /** Rows as header → value, with the CSV line each came from (the header is line 1). */
  rows: { line: number; values: Record<string, string> }[];
}

/**
 * Parses CSV text with a header row; tolerant of a byte-order mark, CRLF and ragged rows. A blank
 * line is no row, whether it is empty or only separators and spaces (",,," as spreadsheets save
 * an empty row).
 */
export function parseCsv(text: string, limit = MAX_IMPORT_ROWS): ParsedCsv {
  const records = parse(text, {
    bom: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true,
    trim: true,
    info: true,
    to_line: limit + 1,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...body] = records;
  if (!header) return { headers: [], rows: [] };
  const headers = header.record.map((name, i) => name || `Column ${i + 1}`);
  return {
    headers,
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      values: Object.fromEntries(headers.map((name, i) => [name, record[i] ?? ''])),
    })),
  };
}
