import { idParam } from '@/schemas/common';
import { importOutput } from '@/schemas/imports';
import { getImportView } from '@/server/db/repositories/imports';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const get = organizationProcedure
  .meta({ permission: 'data:import' })
  .input(idParam)
  .output(importOutput)
  .query(async ({ ctx, input }) => {
    const found = await getImportView(ctx.tx, input.id);
    if (!found) throw notFound('Import');
    return found;
  });
