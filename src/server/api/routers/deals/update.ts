import { dealOutput, dealUpdateInput } from '@/schemas/deals';
import { getDeal } from '@/server/db/repositories/deals';
import { updateDeal } from '@/server/domain/deals/deals';
import { assertIfMatch } from '../../preconditions';
import { dealAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';

export const update = organizationProcedure
  .meta({
    permission: 'deals:write',
    openapi: {
      method: 'PATCH',
      path: '/deals/{id}',
      tags: ['Deals'],
      summary: 'Update a deal',
      description:
        'Changes only the fields given; the stage changes through `POST /deals/{id}/move`. Send the ' +
        '`version` you read as `expectedVersion` to be refused (409) if someone changed the deal since.',
      protect: true,
      errorResponses: { 409: 'The deal changed since `expectedVersion`.' },
    },
  })
  .input(dealUpdateInput)
  .output(dealOutput)
  .mutation(async ({ ctx, input }) => {
    const { id, expectedVersion, ...values } = input;
    if (ctx.ifMatch)
      assertIfMatch(ctx.ifMatch, dealOutput, await getDeal(ctx.tx, id, { lock: true }));
    const { before, after, changed } = await updateDeal(ctx.tx, id, values, expectedVersion);
    await ctx.auditChange(changed, dealAudits.updated(before, after));
    return after;
  });
