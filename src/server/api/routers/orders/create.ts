import { orderCreateInput, orderOutput } from '@/schemas/orders';
import { createOrder } from '@/server/domain/orders/orders';
import { organizationProcedure } from '../../trpc';

export const create = organizationProcedure
  .meta({
    permission: 'orders:write',
    openapi: {
      method: 'POST',
      path: '/customers/{customerId}/orders',
      tags: ['Orders'],
      summary: 'Create an order',
      description:
        'A draft order with its lines; line totals and the order total are computed by the server.',
      protect: true,
    },
  })
  .input(orderCreateInput)
  .output(orderOutput)
  .mutation(async ({ ctx, input }) => {
    const order = await createOrder(ctx.tx, input);
    await ctx.audit({
      action: 'order.created',
      entityType: 'order',
      entityId: order.id,
      changes: { after: order },
      publish: { data: order, customerId: order.customerId },
    });
    return order;
  });
