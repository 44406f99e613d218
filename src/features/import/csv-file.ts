import { neutraliseFormula } from '@/lib/formula-cells';

const quoted = (value: string) =>
  /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;

/** Rows as CSV text, one line a row; `forSpreadsheet` neutralises cells that look like formulas. */
export function toCsv(rows: readonly (readonly string[])[], forSpreadsheet = false): string {
  return rows
    .map((cells) =>
      cells.map((cell) => quoted(forSpreadsheet ? neutraliseFormula(cell) : cell)).join(','),
    )
    .join('\n')
    .concat('\n');
}

/** The lines a CSV record takes: one, and one more for each line break inside its cells. */
export const linesOf = (cells: readonly string[]) =>
  1 + cells.reduce((count, cell) => count + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/** Hands CSV text to the browser as a download named `filename`. */
export function downloadCsv(filename: string, csv: string) {
  // The byte-order mark makes spreadsheets read the file as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the data is let go.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
