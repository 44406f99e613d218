import { deliveryListInput, deliveryPage } from '@/schemas/webhooks';
import { getEndpoint, listDeliveries } from '@/server/db/repositories/webhooks';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const deliveries = organizationProcedure
  .meta({
    permission: 'webhooks:manage',
    openapi: {
      method: 'GET',
      path: '/webhooks/{endpointId}/deliveries',
      tags: ['Webhooks'],
      summary: "An endpoint's delivery log",
      description:
        'Deliveries newest first, with the outcome of their last attempt; every attempt is at ' +
        '`/webhooks/{endpointId}/deliveries/{id}/attempts`.',
      protect: true,
    },
  })
  .input(deliveryListInput)
  .output(deliveryPage)
  .query(async ({ ctx, input }) => {
    if (!(await getEndpoint(ctx.tx, input.endpointId))) throw notFound('Webhook endpoint');
    return listDeliveries(ctx.tx, input);
  });
