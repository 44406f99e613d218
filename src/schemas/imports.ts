import { z } from 'zod';
import { timestamp, uuid } from './common';

/** Customer fields a CSV column can be mapped to. */
export const IMPORT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'company',
  'phone',
  'status',
  'tags',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

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
};

/** About 1 MB of CSV: some ten thousand customers, within one request. */
export const MAX_IMPORT_BYTES = 900_000;
export const MAX_IMPORT_FILENAME_LENGTH = 200;

const csvText = z
  .string()
  .min(1, 'is empty')
  .max(MAX_IMPORT_BYTES, 'is larger than 900 KB; split it into several files')
  .refine((text) => !text.includes('\u0000'), {
    message: 'is not a text file (it contains NUL bytes)',
  });

export const importPreviewInput = z.strictObject({ csv: csvText });

export const importPreviewOutput = z.object({
  headers: z.array(z.string()),
  sample: z.array(z.record(z.string(), z.string())),
  rowCount: z.number().int(),
  /** A guess from the header names: CSV column → field. */
  suggestedMapping: z.record(z.string(), z.enum(IMPORT_FIELDS)),
});

export const importStartInput = z.strictObject({
  filename: z.string().trim().min(1).max(MAX_IMPORT_FILENAME_LENGTH),
  csv: csvText,
  mapping: z
    .record(z.string(), z.enum(IMPORT_FIELDS))
    .refine((mapping) => Object.values(mapping).includes('firstName'), {
      message: 'map a column to First name',
    })
    .refine((mapping) => new Set(Object.values(mapping)).size === Object.values(mapping).length, {
      message: 'map each field from one column only',
    }),
  duplicates: z.enum(['skip', 'update']).default('skip'),
});
export type ImportStartInput = z.input<typeof importStartInput>;

export const importOutput = z.object({
  id: uuid(),
  filename: z.string(),
  status: z.enum(['queued', 'validating', 'importing', 'completed', 'failed']),
  duplicates: z.string(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  createdCount: z.number().int(),
  updatedCount: z.number().int(),
  skippedCount: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  failure: z.string().nullable(),
  createdAt: timestamp(),
  finishedAt: timestamp().nullable(),
});
export type ImportView = z.infer<typeof importOutput>;

/** The organization's latest imports, newest first. */
export const importListOutput = z.array(importOutput);
