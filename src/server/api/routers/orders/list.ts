import { orderListInput, orderPage } from '@/schemas/orders';
import { listOrders } from '@/server/db/repositories/orders';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({
    permission: 'orders:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/orders',
      tags: ['Orders'],
      summary: 'List orders',
      description: "The organization's orders, newest first, by status, customer and date.",
      protect: true,
    },
  })
  .input(orderListInput)
  .output(orderPage)
  .query(({ ctx, input }) => listOrders(ctx.tx, input));
