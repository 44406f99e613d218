import { idParam } from '@/schemas/common';
import { dealStageHistoryOutput } from '@/schemas/deals';
import { getDeal, stageHistory as historyOf } from '@/server/db/repositories/deals';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const stageHistory = organizationProcedure
  .meta({
    permission: 'deals:read',
    openapi: {
      method: 'GET',
      path: '/deals/{id}/stages',
      tags: ['Deals'],
      summary: "A deal's stage history",
      description:
        'Every stage the deal entered, oldest first, with who moved it (null for API keys) and when. ' +
        'The first entry is the stage it was created in.',
      protect: true,
    },
  })
  .input(idParam)
  .output(dealStageHistoryOutput)
  .query(async ({ ctx, input }) => {
    if (!(await getDeal(ctx.tx, input.id))) throw notFound('Deal');
    return { items: await historyOf(ctx.tx, input.id), nextCursor: null };
  });
