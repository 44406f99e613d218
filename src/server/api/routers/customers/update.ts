import { customerOutput, customerUpdateInput, type Customer } from '@/schemas/customers';
import { updateCustomer } from '@/server/db/repositories/customer-writes';
import { getCustomer } from '@/server/db/repositories/customers';
import { changedFields } from '@/server/domain/audit/changed-fields';
import { companyLinkFor } from '@/server/domain/companies/link';
import { companyCreatedAudit } from '../companies/audits';
import { staleVersion } from '@/server/db/repositories/versions';
import { notFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure } from '../../trpc';

/** The audit entry (with what changed) and the public `customer.updated` event of an update. */
export const updateAudit = (before: Customer, after: Customer) =>
  ({
    action: 'customer.updated',
    entityType: 'customer',
    entityId: after.id,
    changes: changedFields(before, after),
    publish: { data: after, customerId: after.id },
  }) as const;

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
    if (created) await ctx.audit(companyCreatedAudit(created));
    const { before, after, changed } = await updateCustomer(ctx.tx, id, { ...values, ...link });
    if (changed) await ctx.audit(updateAudit(before, after));
    else if (!created) ctx.nothingChanged();
    return after;
  });
