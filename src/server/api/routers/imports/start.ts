import {
  IMPORT_ENTITY,
  importOutput,
  importStartInput,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
} from '@/schemas/imports';
import { startImport } from '@/server/domain/imports/start-import';
import { organizationProcedure } from '../../trpc';
import { personOf } from '../acting-member';

/** Queues the import; it runs in the background (see imports.get for progress). */
export const start = organizationProcedure
  .meta({
    permission: 'data:import',
    // The CSV travels as a JSON string: escaped quotes and line breaks may double its size.
    maxBodyBytes: 2 * MAX_IMPORT_BYTES + 100_000,
    openapi: {
      method: 'POST',
      path: '/imports',
      tags: ['Imports'],
      summary: 'Start a CSV import',
      description:
        'Imports customers, companies or deals from CSV text sent in `csv` (UTF-8, a header row, ' +
        `at most ${MAX_IMPORT_BYTES / 1000} KB and ${MAX_IMPORT_ROWS.toLocaleString('en')} rows), ` +
        'with `mapping` naming the field each column fills (columns left out are ignored). ' +
        'Rows matching an existing record (customers by e-mail, companies by domain or name) ' +
        'are skipped or, with `duplicates: update`, updated. The import is queued and runs in ' +
        'the background: poll `GET /imports/{id}` for its progress and result, or subscribe to ' +
        'the `*_import.completed` webhook. The body may be up to 2 MB.',
      protect: true,
    },
  })
  .input(importStartInput)
  .output(importOutput)
  .mutation(async ({ ctx, input }) => {
    const created = await startImport(ctx.tx, ctx.services.jobs, {
      ...input,
      createdById: personOf(ctx.principal),
    });
    await ctx.audit({
      action: `${IMPORT_ENTITY[input.kind]}.started`,
      entityType: IMPORT_ENTITY[input.kind],
      entityId: created.id,
      changes: {
        after: {
          kind: input.kind,
          filename: input.filename,
          duplicates: input.duplicates,
          mapping: input.mapping,
        },
      },
    });
    return created;
  });
