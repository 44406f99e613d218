import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from '@/schemas/imports';

/** The choice for a column that is left out. */
export const NOT_IMPORTED = 'none';
export type ColumnChoice = ImportField | typeof NOT_IMPORTED;

export type DuplicatePolicy = 'skip' | 'update';

export function isColumnChoice(value: string): value is ColumnChoice {
  return value === NOT_IMPORTED || (IMPORT_FIELDS as readonly string[]).includes(value);
}

/** Each column's field, from the server's guess; the rest are not imported. */
export function initialChoices(
  headers: readonly string[],
  suggested: Readonly<Record<string, ImportField>>,
): Map<string, ColumnChoice> {
  return new Map(
    headers.map((header) => [
      header,
      Object.hasOwn(suggested, header) ? (suggested[header] ?? NOT_IMPORTED) : NOT_IMPORTED,
    ]),
  );
}

/** What stops the import from starting, in words; empty when the mapping is fine. */
export function mappingProblems(choices: ReadonlyMap<string, ColumnChoice>): string[] {
  const columnsByField = new Map<ImportField, string[]>();
  for (const [header, choice] of choices) {
    if (choice === NOT_IMPORTED) continue;
    columnsByField.set(choice, [...(columnsByField.get(choice) ?? []), header]);
  }
  const problems: string[] = [];
  if (!columnsByField.has('firstName')) {
    problems.push(`Choose the column that holds the ${IMPORT_FIELD_LABELS.firstName}.`);
  }
  for (const [field, columns] of columnsByField) {
    if (columns.length > 1) {
      problems.push(
        `${IMPORT_FIELD_LABELS[field]} is chosen for ${columns.length} columns (${columns
          .map((column) => `“${column}”`)
          .join(', ')}); choose it for one only.`,
      );
    }
  }
  return problems;
}

/** The mapping imports.start takes: column → field, for the columns that are imported. */
export function toMapping(choices: ReadonlyMap<string, ColumnChoice>): Record<string, ImportField> {
  return Object.fromEntries(
    [...choices].filter((entry): entry is [string, ImportField] => entry[1] !== NOT_IMPORTED),
  );
}

/** "900 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** A problem's field in words: "email" → "Email", "address.city" → "City", "row" → "Whole row". */
export function problemFieldLabel(field: string): string {
  if (field === 'row') return 'Whole row';
  const key = field.startsWith('address.') ? field.slice('address.'.length) : field;
  const known = (IMPORT_FIELDS as readonly string[]).includes(key);
  return known ? IMPORT_FIELD_LABELS[key as ImportField] : field;
}
