import { customerCreateInput, customerOutput } from '@/schemas/customers';
import { insertCustomer } from '@/server/db/repositories/customer-writes';
import { organizationProcedure } from '../../trpc';

export const create = organizationProcedure
  .meta({
    permission: 'customers:write',
    openapi: {
      method: 'POST',
      path: '/customers',
      tags: ['Customers'],
      summary: 'Create a customer',
      description:
        'E-mail addresses are unique among the live customers of an organization, ignoring case.',
      protect: true,
      successDescription: 'The created customer',
    },
  })
  .input(customerCreateInput)
  .output(customerOutput)
  .mutation(async ({ ctx, input }) => {
    const customer = await insertCustomer(ctx.tx, input);
    await ctx.audit({
      action: 'customer.created',
      entityType: 'customer',
      entityId: customer.id,
      changes: { after: customer },
      publish: { data: customer, customerId: customer.id },
    });
    return customer;
  });
