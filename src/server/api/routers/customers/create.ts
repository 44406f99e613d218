import { customerCreateInput, customerOutput } from '@/schemas/customers';
import { insertCustomer } from '@/server/db/repositories/customer-writes';
import { refuseDuplicateCustomer } from '@/server/domain/customers/duplicates';
import { companyLinkFor } from '@/server/domain/companies/link';
import { organizationProcedure } from '../../trpc';
import { companyAudits, customerAudits } from '../../record-audits';

export const create = organizationProcedure
  .meta({
    permission: 'customers:write',
    // A company named for the first time is created with the customer: two records, two rows.
    bulk: true,
    openapi: {
      method: 'POST',
      path: '/customers',
      tags: ['Customers'],
      summary: 'Create a customer',
      description:
        'E-mail addresses are unique among the live customers of an organization, ignoring case (409). ' +
        'A customer whose full name is very like an existing one is refused with 409 and those ' +
        '`candidates`, unless `allowDuplicate` is true. `company` links the company of that name, ' +
        'created when there is none; `companyId` links a company by id.',
      protect: true,
      errorResponses: {
        409: 'Another live customer has the e-mail address, or a very similar name (see `candidates`).',
      },
    },
  })
  .input(customerCreateInput)
  .output(customerOutput)
  .mutation(async ({ ctx, input }) => {
    const { allowDuplicate, ...values } = input;
    if (!allowDuplicate) await refuseDuplicateCustomer(ctx.tx, values);
    const { link, created } = await companyLinkFor(ctx.tx, values);
    if (created) await ctx.audit(companyAudits.created(created));
    const customer = await insertCustomer(ctx.tx, { ...values, ...link });
    await ctx.audit(customerAudits.created(customer));
    return customer;
  });
