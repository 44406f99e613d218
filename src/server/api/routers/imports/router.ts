import { z } from 'zod';
import { idParam } from '@/schemas/common';
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  importOutput,
  importPreviewInput,
  importPreviewOutput,
  importStartInput,
  type ImportField,
} from '@/schemas/imports';
import { getImportView, insertImport, listImports } from '@/server/db/repositories/imports';
import { MAX_IMPORT_ROWS, parseCsv } from '@/server/domain/imports/csv';
import type { ImportJob } from '@/server/domain/imports/run-import';
import { AppError, notFound } from '@/server/errors';
import { organizationProcedure, router } from '../../trpc';

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const ALIASES: Record<string, ImportField> = {
  mail: 'email',
  emailaddress: 'email',
  first: 'firstName',
  givenname: 'firstName',
  forename: 'firstName',
  last: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  organization: 'company',
  organisation: 'company',
  telephone: 'phone',
  mobile: 'phone',
  address: 'line1',
  street: 'line1',
  zip: 'postalCode',
  postcode: 'postalCode',
  state: 'region',
};

/** A first guess at the mapping, from header names like "E-mail" or "Surname". */
function suggestMapping(headers: string[]) {
  const byName = new Map<string, ImportField>(
    IMPORT_FIELDS.map((field) => [normalise(field), field]),
  );
  for (const [field, label] of Object.entries(IMPORT_FIELD_LABELS))
    byName.set(normalise(label), field as ImportField);
  for (const [alias, field] of Object.entries(ALIASES)) byName.set(alias, field);
  const mapping: Record<string, ImportField> = {};
  const used = new Set<ImportField>();
  for (const header of headers) {
    const field = byName.get(normalise(header));
    if (field && !used.has(field)) {
      mapping[header] = field;
      used.add(field);
    }
  }
  return mapping;
}

function parsed(csv: string) {
  const result = parseCsv(csv, MAX_IMPORT_ROWS + 1);
  if (result.headers.length === 0)
    throw new AppError('BAD_REQUEST', 'The file has no header row', {
      issues: [{ path: ['csv'], message: 'has no header row' }],
    });
  if (result.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'BAD_REQUEST',
      `At most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows per import`,
      {
        issues: [{ path: ['csv'], message: `has more than ${MAX_IMPORT_ROWS} rows` }],
      },
    );
  }
  return result;
}

export const importsRouter = router({
  /** The file's columns, a few rows, and a suggested mapping; nothing is stored. */
  preview: organizationProcedure
    .meta({ permission: 'data:import', readOnly: true })
    .input(importPreviewInput)
    .output(importPreviewOutput)
    .mutation(({ input }) => {
      const { headers, rows } = parsed(input.csv);
      return {
        headers,
        sample: rows.slice(0, 5).map((row) => row.values),
        rowCount: rows.length,
        suggestedMapping: suggestMapping(headers),
      };
    }),

  /** Queues the import; it runs in the background (see imports.get for progress). */
  start: organizationProcedure
    .meta({ permission: 'data:import' })
    .input(importStartInput)
    .output(importOutput)
    .mutation(async ({ ctx, input }) => {
      const { headers } = parsed(input.csv);
      const unknown = Object.keys(input.mapping).filter((column) => !headers.includes(column));
      if (unknown.length) {
        throw new AppError(
          'BAD_REQUEST',
          `The file has no column ${unknown.map((c) => `"${c}"`).join(', ')}`,
          {
            issues: [{ path: ['mapping'], message: 'names columns the file does not have' }],
          },
        );
      }
      const created = await insertImport(ctx.tx, {
        ...input,
        createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
      });
      const job: ImportJob = { organizationId: ctx.organization.id, importId: created.id };
      await ctx.services.jobs.enqueue(ctx.tx, 'import', job, {
        singletonKey: created.id,
        retryLimit: 3,
      });
      await ctx.audit({
        action: 'customer_import.started',
        entityType: 'customer_import',
        entityId: created.id,
        changes: {
          after: { filename: input.filename, duplicates: input.duplicates, mapping: input.mapping },
        },
      });
      return created;
    }),

  get: organizationProcedure
    .meta({ permission: 'data:import' })
    .input(idParam)
    .output(importOutput)
    .query(async ({ ctx, input }) => {
      const found = await getImportView(ctx.tx, input.id);
      if (!found) throw notFound('Import');
      return found;
    }),

  list: organizationProcedure
    .meta({ permission: 'data:import' })
    .output(z.array(importOutput))
    .query(({ ctx }) => listImports(ctx.tx)),
});
