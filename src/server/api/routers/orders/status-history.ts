import { idParam } from '@/schemas/common';
import { orderHistory } from '@/schemas/orders';
import { getOrder } from '@/server/db/repositories/orders';
import { orderStatusHistory } from '@/server/domain/orders/status-history';
import { orNotFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const statusHistory = organizationProcedure
  .meta({
    permission: 'orders:read',
    openapi: {
      method: 'GET',
      path: '/orders/{id}/history',
      tags: ['Orders'],
      summary: "An order's status history",
      description:
        'When the order was created and reached each status, oldest first, and who did it (a member or an API key).',
      protect: true,
    },
  })
  .input(idParam)
  .output(orderHistory)
  .query(async ({ ctx, input }) => {
    const order = orNotFound(await getOrder(ctx.tx, input.id), 'Order');
    return { items: await orderStatusHistory(ctx.tx, order) };
  });
