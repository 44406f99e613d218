import { customerOrderListInput, orderPage } from '@/schemas/orders';
import { getCustomer } from '@/server/db/repositories/customers';
import { listOrders } from '@/server/db/repositories/orders';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const listForCustomer = organizationProcedure
  .meta({
    permission: 'orders:read',
    openapi: {
      method: 'GET',
      path: '/customers/{customerId}/orders',
      tags: ['Orders'],
      summary: "A customer's orders",
      description: "One customer's orders, newest first, with the same filters as the order list.",
      protect: true,
    },
  })
  .input(customerOrderListInput)
  .output(orderPage)
  .query(async ({ ctx, input }) => {
    if (!(await getCustomer(ctx.tx, input.customerId))) throw notFound('Customer');
    return listOrders(ctx.tx, input);
  });
