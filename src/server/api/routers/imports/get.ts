import { idParam } from '@/schemas/common';
import { importOutput } from '@/schemas/imports';
import { getImportView } from '@/server/db/repositories/imports';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const get = organizationProcedure
  .meta({
    permission: 'data:import',
    openapi: {
      method: 'GET',
      path: '/imports/{id}',
      tags: ['Imports'],
      summary: 'An import’s progress and result',
      description:
        'Its status, the rows checked so far of the total, and once `completed` the rows ' +
        'created, updated and skipped, and the rows refused with each reason by line and field. ' +
        'All valid rows are written in one transaction: a `failed` import imported nothing.',
      protect: true,
    },
  })
  .input(idParam)
  .output(importOutput)
  .query(async ({ ctx, input }) => {
    const found = await getImportView(ctx.tx, input.id);
    if (!found) throw notFound('Import');
    return found;
  });
