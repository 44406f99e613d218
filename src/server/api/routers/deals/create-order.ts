import { idParam } from '@/schemas/common';
import { orderOutput } from '@/schemas/orders';
import { createOrderFromDeal } from '@/server/domain/deals/deal-order';
import { organizationProcedure } from '../../trpc';

export const createOrder = organizationProcedure
  .meta({
    permission: 'orders:write',
    openapi: {
      method: 'POST',
      path: '/deals/{id}/order',
      tags: ['Deals'],
      summary: 'Create an order from a won deal',
      description:
        "A draft order for the deal's first person, with one line: the deal's title, quantity 1, " +
        'at its amount and in its currency. Refused for a deal not won (409) or without a person (400).',
      protect: true,
      errorResponses: { 409: 'The deal is not won.' },
    },
  })
  .input(idParam)
  .output(orderOutput)
  .mutation(async ({ ctx, input }) => {
    const order = await createOrderFromDeal(ctx.tx, input.id);
    await ctx.audit({
      action: 'order.created',
      entityType: 'order',
      entityId: order.id,
      changes: { after: { ...order, dealId: input.id } },
      publish: { data: order, customerId: order.customerId },
    });
    return order;
  });
