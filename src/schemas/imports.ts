import { z } from 'zod';
import { timestamp, uuid } from './common';

/** What an import creates: customers, companies or deals. */
export const IMPORT_KINDS = ['customers', 'companies', 'deals'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const importKind = z.enum(IMPORT_KINDS);

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

/** The fields a CSV column can be mapped to, for each kind of import. */
export const IMPORT_FIELDS = {
  customers: [
    'email',
    'firstName',
    'lastName',
    'company',
    'phone',
    'status',
    'tags',
    ...ADDRESS_FIELDS,
  ],
  companies: ['name', 'domain', 'industry', 'size', 'website', 'phone', 'tags', ...ADDRESS_FIELDS],
  deals: [
    'title',
    'amount',
    'currency',
    'pipeline',
    'stage',
    'expectedCloseDate',
    'company',
    'email',
    'owner',
    'lostReason',
  ],
} as const;
export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];
const ALL_IMPORT_FIELDS = [...new Set(Object.values(IMPORT_FIELDS).flat())] as [
  ImportField,
  ...ImportField[],
];

/** The field every row must have, for each kind. */
export const REQUIRED_IMPORT_FIELD = {
  customers: 'firstName',
  companies: 'name',
  deals: 'title',
} as const satisfies Record<ImportKind, ImportField>;

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  phone: 'Phone',
  status: 'Status',
  tags: 'Tags',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'City',
  region: 'Region',
  postalCode: 'Postal code',
  country: 'Country',
  name: 'Name',
  domain: 'Domain',
  industry: 'Industry',
  size: 'Size',
  website: 'Website',
  title: 'Title',
  amount: 'Amount',
  currency: 'Currency',
  pipeline: 'Pipeline',
  stage: 'Stage',
  expectedCloseDate: 'Expected close date',
  owner: 'Owner e-mail',
  lostReason: 'Lost reason',
};

export const isImportField = (kind: ImportKind, field: string): field is ImportField =>
  (IMPORT_FIELDS[kind] as readonly string[]).includes(field);

/** About 1 MB of CSV: some ten thousand customers, within one request. */
export const MAX_IMPORT_BYTES = 900_000;
/** Data rows one file may hold. */
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_FILENAME_LENGTH = 200;
export const MAX_COLUMN_NAME_LENGTH = 500;

const csvText = z
  .string()
  .min(1, 'is empty')
  .max(MAX_IMPORT_BYTES, 'is larger than 900 KB; split it into several files')
  .refine((text) => !text.includes('\u0000'), {
    message: 'is not a text file (it contains NUL bytes)',
  });

export const importPreviewInput = z.strictObject({
  kind: importKind.default('customers'),
  csv: csvText,
});

export const importPreviewOutput = z.object({
  headers: z.array(z.string()),
  sample: z.array(z.record(z.string(), z.string())),
  rowCount: z.number().int(),
  /** A guess from the header names: CSV column → field. */
  suggestedMapping: z.record(z.string(), z.enum(ALL_IMPORT_FIELDS)),
});

export const importStartInput = z
  .strictObject({
    kind: importKind.default('customers'),
    filename: z.string().trim().min(1).max(MAX_IMPORT_FILENAME_LENGTH),
    csv: csvText,
    /** CSV column → field of the kind imported. */
    mapping: z
      .record(z.string().max(MAX_COLUMN_NAME_LENGTH), z.enum(ALL_IMPORT_FIELDS))
      .meta({ description: 'CSV column (its header) → the field it fills.' }),
    duplicates: z.enum(['skip', 'update']).default('skip'),
  })
  .superRefine(({ kind, mapping }, ctx) => {
    const fields = Object.values(mapping);
    const foreign = fields.filter((field) => !isImportField(kind, field));
    if (foreign.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['mapping'],
        message: `${foreign.join(', ')} ${foreign.length === 1 ? 'is not a field' : 'are not fields'} of ${kind}`,
      });
    }
    const required = REQUIRED_IMPORT_FIELD[kind];
    if (!fields.includes(required)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mapping'],
        message: `map a column to ${IMPORT_FIELD_LABELS[required]}`,
      });
    }
    if (new Set(fields).size !== fields.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['mapping'],
        message: 'map each field from one column only',
      });
    }
  });
export type ImportStartInput = z.input<typeof importStartInput>;

/** Row problems an import reports (the first ones, by line); errorCount counts them all. */
export const MAX_REPORTED_IMPORT_ISSUES = 500;

const rowCount = z.number().int().min(0).max(MAX_IMPORT_ROWS);

export const importOutput = z
  .object({
    id: uuid(),
    kind: importKind,
    filename: z.string().max(MAX_IMPORT_FILENAME_LENGTH),
    status: z.enum(['queued', 'validating', 'importing', 'completed', 'failed']).meta({
      description:
        '`queued`, then `validating` (every row checked, `processedRows` counting up to ' +
        '`totalRows`), `importing` (the valid rows written in one transaction), and `completed`, ' +
        'or `failed` with nothing imported.',
    }),
    duplicates: z
      .string()
      .max(10)
      .meta({ description: 'What rows matching an existing record do: `skip` or `update`.' }),
    totalRows: rowCount.meta({ description: 'Data rows in the file (the header not counted).' }),
    processedRows: rowCount,
    createdCount: rowCount,
    updatedCount: rowCount,
    skippedCount: rowCount.meta({
      description: 'Rows matching an existing record that were skipped or changed nothing.',
    }),
    errorCount: rowCount.meta({ description: 'Rows refused; the reasons are in `errors`.' }),
    errors: z
      .array(
        z.object({
          line: z
            .number()
            .int()
            .min(1)
            .meta({ description: 'The line of the file (the header is line 1).' }),
          field: z.string().max(100),
          message: z.string().max(1000),
        }),
      )
      .max(MAX_REPORTED_IMPORT_ISSUES)
      .meta({
        description: `Why rows were refused, by line (the first ${MAX_REPORTED_IMPORT_ISSUES}).`,
      }),
    failure: z.string().max(1000).nullable(),
    createdAt: timestamp(),
    finishedAt: timestamp().nullable(),
  })
  .meta({ id: 'Import' });
export type ImportView = z.infer<typeof importOutput>;

/** The organization's latest imports, newest first. */
export const importListOutput = z.array(importOutput);

/** The audit entity (and event prefix) of an import of each kind: `company_import.completed`. */
export const IMPORT_ENTITY = {
  customers: 'customer_import',
  companies: 'company_import',
  deals: 'deal_import',
} as const satisfies Record<ImportKind, string>;
