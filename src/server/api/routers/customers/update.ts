import { customerOutput, customerUpdateInput } from '@/schemas/customers';
import { updateCustomer } from '@/server/db/repositories/customer-writes';
import { getCustomer } from '@/server/db/repositories/customers';
import { companyLinkFor } from '@/server/domain/companies/link';
import { companyAudits, customerAudits } from '../../record-audits';
import { staleVersion } from '@/server/db/repositories/versions';
import { notFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure } from '../../trpc';

export const update = organizationProcedure
  .meta({
    permission: 'customers:write',
    // A company named for the first time is created with the change: two records, two rows.
    bulk: true,
    openapi: {
      method: 'PATCH',
      path: '/customers/{id}',
      tags: ['Customers'],
      summary: 'Update a customer',
      description:
        'Changes only the fields given. Send the `version` you read as `expectedVersion` to be refused (409) ' +
        'if someone changed the customer since. `company` links the company of that name (created when ' +
        'there is none); `companyId` links a company by id.',
      protect: true,
      errorResponses: {
        409: 'The customer changed since `expectedVersion`, or another customer has the e-mail address.',
      },
    },
  })
  .input(customerUpdateInput)
  .output(customerOutput)
  .mutation(async ({ ctx, input }) => {
    const { id, expectedVersion, ...values } = input;
    const current = await getCustomer(ctx.tx, id, true);
    if (ctx.ifMatch) assertIfMatch(ctx.ifMatch, customerOutput, current);
    if (!current) throw notFound('Customer');
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw staleVersion(current.version);
    }
    const { link, created } = await companyLinkFor(ctx.tx, values);
    if (created) await ctx.audit(companyAudits.created(created));
    const { before, after, changed } = await updateCustomer(ctx.tx, id, { ...values, ...link });
    if (changed) await ctx.audit(customerAudits.updated(before, after));
    else if (!created) ctx.nothingChanged();
    return after;
  });
