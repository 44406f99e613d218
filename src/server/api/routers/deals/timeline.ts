import { dealTimelineInput, interactionPage } from '@/schemas/interactions';
import { getDeal } from '@/server/db/repositories/deals';
import { listDealTimeline } from '@/server/db/repositories/interactions';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const timeline = organizationProcedure
  .meta({
    permission: 'interactions:read',
    openapi: {
      method: 'GET',
      path: '/deals/{id}/timeline',
      tags: ['Deals'],
      summary: "A deal's timeline",
      description:
        'The notes, calls, e-mails and meetings recorded about the deal, newest first, ' +
        'one page at a time. Its stage moves are in `GET /deals/{id}/stages`.',
      protect: true,
    },
  })
  .input(dealTimelineInput)
  .output(interactionPage)
  .query(async ({ ctx, input }) => {
    if (!(await getDeal(ctx.tx, input.id))) throw notFound('Deal');
    return listDealTimeline(ctx.tx, input);
  });
