import { dealCreateInput, dealOutput } from '@/schemas/deals';
import { createDeal } from '@/server/domain/deals/deals';
import { actingMember } from '../acting-member';
import { dealAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';

export const create = organizationProcedure
  .meta({
    permission: 'deals:write',
    openapi: {
      method: 'POST',
      path: '/deals',
      tags: ['Deals'],
      summary: 'Create a deal',
      description:
        'A deal starts in the stage given, else the first open stage of its pipeline (the default ' +
        'pipeline unless named). Its company and people must be of your organization.',
      protect: true,
      successDescription: 'The created deal',
      errorResponses: {
        404: 'The pipeline, stage, company or a person given is not one of your organization.',
      },
    },
  })
  .input(dealCreateInput)
  .output(dealOutput)
  .mutation(async ({ ctx, input }) => {
    const deal = await createDeal(ctx.tx, input, actingMember(ctx).userId);
    await ctx.audit(dealAudits.created(deal));
    return deal;
  });
