import { customerOutput, customerUpdateInput, type Customer } from '@/schemas/customers';
import { updateCustomer } from '@/server/db/repositories/customer-writes';
import { getCustomer } from '@/server/db/repositories/customers';
import { changedFields } from '@/server/domain/audit/changed-fields';
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
    openapi: {
      method: 'PATCH',
      path: '/customers/{id}',
      tags: ['Customers'],
      summary: 'Update a customer',
      description:
        'Changes only the fields given. Send the `version` you read as `expectedVersion` to be refused (409) ' +
        'if someone changed the customer since.',
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
    if (ctx.ifMatch)
      assertIfMatch(ctx.ifMatch, customerOutput, await getCustomer(ctx.tx, id, true));
    const { before, after, changed } = await updateCustomer(ctx.tx, id, values, expectedVersion);
    if (changed) await ctx.audit(updateAudit(before, after));
    else ctx.nothingChanged();
    return after;
  });
