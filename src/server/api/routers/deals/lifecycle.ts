import { idParam } from '@/schemas/common';
import { dealOutput } from '@/schemas/deals';
import { getDeal } from '@/server/db/repositories/deals';
import { restoreDeal, softDeleteDeal } from '@/server/domain/deals/deals';
import { assertIfMatch } from '../../preconditions';
import { dealAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';

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
  .mutation(async ({ ctx, input }) => {
    if (ctx.ifMatch) {
      assertIfMatch(ctx.ifMatch, dealOutput, await getDeal(ctx.tx, input.id, { lock: true }));
    }
    const deal = await softDeleteDeal(ctx.tx, input.id);
    await ctx.audit(dealAudits.deleted(deal));
    return deal;
  });

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
  .mutation(async ({ ctx, input }) => {
    const deal = await restoreDeal(ctx.tx, input.id);
    await ctx.audit(dealAudits.restored(deal));
    return deal;
  });
