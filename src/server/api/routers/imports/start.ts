import { IMPORT_ENTITY, importOutput, importStartInput } from '@/schemas/imports';
import { startImport } from '@/server/domain/imports/start-import';
import { organizationProcedure } from '../../trpc';

/** Queues the import; it runs in the background (see imports.get for progress). */
export const start = organizationProcedure
  .meta({ permission: 'data:import' })
  .input(importStartInput)
  .output(importOutput)
  .mutation(async ({ ctx, input }) => {
    const created = await startImport(ctx.tx, ctx.services.jobs, {
      ...input,
      createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
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
