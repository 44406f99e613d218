import { customerListInput, customerPage } from '@/schemas/customers';
import { listCustomers } from '@/server/db/repositories/customers';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({
    permission: 'customers:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/customers',
      tags: ['Customers'],
      summary: 'List customers',
      description:
        'Live customers, newest first by default, one page at a time. Filter, search and sort; ' +
        'follow `nextCursor` for the next page.',
      protect: true,
    },
  })
  .input(customerListInput)
  .output(customerPage)
  .query(({ ctx, input }) => listCustomers(ctx.tx, input));
