import { idParam } from '@/schemas/common';
import { dealOutput, type Deal } from '@/schemas/deals';
import { getDeal } from '@/server/db/repositories/deals';
import { restoreDeal, softDeleteDeal } from '@/server/domain/deals/deals';
import { dealAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';
import { restoreHandler, softDeleteHandler, type SoftDeletable } from '../soft-delete';

const deals: SoftDeletable<Deal> = {
  output: dealOutput,
  lock: (tx, id) => getDeal(tx, id, { lock: true }),
  softDelete: softDeleteDeal,
  restore: restoreDeal,
  audits: dealAudits,
};

/** Soft delete: the deal disappears from reads, lists and the board, and can be restored. */
export const remove = organizationProcedure
  .meta({
    permission: 'deals:delete',
    openapi: {
      method: 'DELETE',
      path: '/deals/{id}',
      tags: ['Deals'],
      summary: 'Delete a deal',
      description: 'The deal disappears from reads, lists and the board, and can be restored.',
      protect: true,
    },
  })
  .input(idParam)
  .output(dealOutput)
  .mutation(softDeleteHandler(deals));

export const restore = organizationProcedure
  .meta({
    permission: 'deals:delete',
    openapi: {
      method: 'POST',
      path: '/deals/{id}/restore',
      tags: ['Deals'],
      summary: 'Restore a deleted deal',
      description: 'Undoes a delete: the deal is back where it was, in its stage.',
      protect: true,
    },
  })
  .input(idParam)
  .output(dealOutput)
  .mutation(restoreHandler(deals));
