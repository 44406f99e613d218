import { idParam } from '@/schemas/common';
import { orderOutput } from '@/schemas/orders';
import { getOrder } from '@/server/db/repositories/orders';
import { orNotFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const get = organizationProcedure
  .meta({
    permission: 'orders:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/orders/{id}',
      tags: ['Orders'],
      summary: 'Get an order',
      description: 'One order with its lines and totals.',
      protect: true,
    },
  })
  .input(idParam)
  .output(orderOutput)
  .query(async ({ ctx, input }) => orNotFound(await getOrder(ctx.tx, input.id), 'Order'));
