import { companyOutput, companyUpdateInput } from '@/schemas/companies';
import { getCompany } from '@/server/db/repositories/companies';
import { updateCompany } from '@/server/db/repositories/company-writes';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure } from '../../trpc';
import { companyAudits } from '../../record-audits';

export const update = organizationProcedure
  .meta({
    permission: 'companies:write',
    openapi: {
      method: 'PATCH',
      path: '/companies/{id}',
      tags: ['Companies'],
      summary: 'Update a company',
      description:
        'Changes only the fields given. Send the `version` you read as `expectedVersion` to be refused (409) ' +
        'if someone changed the company since. A new name is also written into the `company` of its people.',
      protect: true,
      errorResponses: {
        409: 'The company changed since `expectedVersion`, or another company has the domain.',
      },
    },
  })
  .input(companyUpdateInput)
  .output(companyOutput)
  .mutation(async ({ ctx, input }) => {
    const { id, expectedVersion, ...values } = input;
    if (ctx.ifMatch) assertIfMatch(ctx.ifMatch, companyOutput, await getCompany(ctx.tx, id, true));
    const { before, after, changed } = await updateCompany(ctx.tx, id, values, expectedVersion);
    await ctx.auditChange(changed, companyAudits.updated(before, after));
    return after;
  });
