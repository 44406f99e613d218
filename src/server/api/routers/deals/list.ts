import { dealListInput, dealPage } from '@/schemas/deals';
import { listDeals } from '@/server/db/repositories/deal-lists';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({
    permission: 'deals:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/deals',
      tags: ['Deals'],
      summary: 'List deals',
      description:
        'Live deals, newest first by default, one page at a time. Filter by pipeline, stage, ' +
        'status, owner, company, person, expected close date, amount and title; follow `nextCursor`.',
      protect: true,
    },
  })
  .input(dealListInput)
  .output(dealPage)
  .query(({ ctx, input }) => listDeals(ctx.tx, input));
