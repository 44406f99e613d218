import {
  IMPORT_FIELD_LABELS,
  isImportField,
  REQUIRED_IMPORT_FIELD,
  type ImportField,
  type ImportKind,
} from '@/schemas/imports';

/** The choice for a column that is left out. */
export const NOT_IMPORTED = 'none';
export type ColumnChoice = ImportField | typeof NOT_IMPORTED;

export type DuplicatePolicy = 'skip' | 'update';

export function isColumnChoice(kind: ImportKind, value: string): value is ColumnChoice {
  return value === NOT_IMPORTED || isImportField(kind, value);
}

/** What each kind is called in the wizard's sentences. */
export const KIND_WORDS: Record<ImportKind, { one: string; many: string }> = {
  customers: { one: 'customer', many: 'customers' },
  companies: { one: 'company', many: 'companies' },
  deals: { one: 'deal', many: 'deals' },
};

/** How a row is recognised as a record the organization already has, for each kind. */
export const DUPLICATE_RULE: Record<
  ImportKind,
  { question: string; skip: string; update: string }
> = {
  customers: {
    question: 'When an e-mail address already exists',
    skip: 'Customers you already have stay as they are.',
    update: 'Customers you already have get the values of the columns you import.',
  },
  companies: {
    question: 'When a company already exists (same domain, or same name)',
    skip: 'Companies you already have stay as they are.',
    update: 'Companies you already have get the values of the columns you import.',
  },
  deals: {
    question: 'When a deal already exists (same title at the same company)',
    skip: 'Deals you already have stay as they are.',
    update:
      'Deals you already have get the values of the columns you import, and move to its stage.',
  },
};

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
export function mappingProblems(
  choices: ReadonlyMap<string, ColumnChoice>,
  kind: ImportKind = 'customers',
): string[] {
  const columnsByField = new Map<ImportField, string[]>();
  for (const [header, choice] of choices) {
    if (choice === NOT_IMPORTED) continue;
    columnsByField.set(choice, [...(columnsByField.get(choice) ?? []), header]);
  }
  const problems: string[] = [];
  const required = REQUIRED_IMPORT_FIELD[kind];
  if (!columnsByField.has(required)) {
    problems.push(`Choose the column that holds the ${IMPORT_FIELD_LABELS[required]}.`);
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
  return Object.hasOwn(IMPORT_FIELD_LABELS, key) ? IMPORT_FIELD_LABELS[key as ImportField] : field;
}
