import { z } from 'zod';
import {
  importKind,
  isImportField,
  MAX_COLUMN_NAME_LENGTH,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type ImportField,
} from '@/schemas/imports';
import { checkRows } from '@/server/domain/imports/check-rows';
import { readImportFile } from '@/server/domain/imports/preview';
import { AppError } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

const MAX_CELL_LENGTH = 10_000;
// Longer than any field's name; a longer value is refused before it is repeated in an error.
const MAX_FIELD_NAME_LENGTH = 50;

const csvRow = z.strictObject({
  line: z.number().int().min(2),
  values: z.record(z.string().max(MAX_COLUMN_NAME_LENGTH), z.string().max(MAX_CELL_LENGTH)),
});

export const importCheckInput = z
  .strictObject({
    kind: importKind.default('customers'),
    /** CSV column → field of the kind imported. */
    mapping: z.record(
      z.string().max(MAX_COLUMN_NAME_LENGTH),
      z.string().max(MAX_FIELD_NAME_LENGTH),
    ),
    /** The whole file, to check every row; or … */
    csv: z.string().min(1).max(MAX_IMPORT_BYTES).optional(),
    /** … some rows again, after a person changed them. */
    rows: z.array(csvRow).max(MAX_IMPORT_ROWS).optional(),
  })
  .refine((input) => (input.csv === undefined) !== (input.rows === undefined), {
    path: ['csv'],
    message: 'give either the file or some of its rows',
  })
  .refine(
    (input) => new Set(input.rows?.map((row) => row.line)).size === (input.rows?.length ?? 0),
    {
      path: ['rows'],
      message: 'names a line more than once',
    },
  );

const rowProblem = z.object({
  field: z.string(),
  /** The CSV column that holds the field; null for a problem of the whole row. */
  column: z.string().nullable(),
  message: z.string(),
});

export const importCheckOutput = z.object({
  headers: z.array(z.string()),
  rows: z.array(csvRow.extend({ problems: z.array(rowProblem) })),
});

/**
 * Every row checked as the import will check it, with its problems in words and the column each
 * is in, so a person can fix or skip rows before importing. Nothing is stored.
 */
export const check = organizationProcedure
  .meta({ permission: 'data:import', readOnly: true })
  .input(importCheckInput)
  .output(importCheckOutput)
  .mutation(async ({ ctx, input }) => {
    const foreign = Object.values(input.mapping).filter(
      (field) => !isImportField(input.kind, field),
    );
    if (foreign.length > 0) {
      throw new AppError(
        'BAD_REQUEST',
        `${foreign.join(', ')} cannot be imported as ${input.kind}`,
        {
          issues: [{ path: ['mapping'], message: 'names fields of another kind of record' }],
        },
      );
    }
    const mapping = input.mapping as Record<string, ImportField>;
    const file = input.csv === undefined ? null : readImportFile(input.csv);
    const rows = file?.rows ?? input.rows ?? [];
    const checked = await checkRows(ctx.tx, input.kind, mapping, rows);
    const columnOf = new Map(Object.entries(mapping).map(([column, field]) => [field, column]));
    return {
      headers: file?.headers ?? [],
      rows: checked.map((row) => ({
        ...row,
        problems: row.problems.map((problem) => ({
          ...problem,
          column: columnOf.get(problem.field.replace(/^address\./, '') as ImportField) ?? null,
        })),
      })),
    };
  });
