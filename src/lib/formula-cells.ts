/**
 * Spreadsheets run a cell that starts with =, +, -, @, tab or carriage return as a formula;
 * in a file meant for a spreadsheet such cells get a leading apostrophe, so an exported name
 * like `=HYPERLINK(...)` stays text. Used by the server's exports and the browser's downloads.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
