import { orderOutput, orderStatusInput } from '@/schemas/orders';
import { changeOrderStatus } from '@/server/domain/orders/orders';
import { organizationProcedure } from '../../trpc';

export const setStatus = organizationProcedure
  .meta({
    permission: 'orders:write',
    openapi: {
      method: 'POST',
      path: '/orders/{id}/status',
      tags: ['Orders'],
      summary: "Change an order's status",
      description:
        'draft → placed → paid → fulfilled; cancelled from draft or placed. Any other change is refused (409).',
      protect: true,
    },
  })
  .input(orderStatusInput)
  .output(orderOutput)
  .mutation(async ({ ctx, input }) => {
    const { before, after } = await changeOrderStatus(ctx.tx, input);
    await ctx.audit({
      action: 'order.status_changed',
      entityType: 'order',
      entityId: after.id,
      changes: { before: { status: before.status }, after: { status: after.status } },
      publish: {
        data: { ...after, previousStatus: before.status },
        customerId: after.customerId,
      },
    });
    return after;
  });
