import { attemptListInput, attemptPage } from '@/schemas/webhooks';
import { getDelivery, listAttempts } from '@/server/db/repositories/webhooks';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const attempts = organizationProcedure
  .meta({
    permission: 'webhooks:manage',
    openapi: {
      method: 'GET',
      path: '/webhooks/{endpointId}/deliveries/{id}/attempts',
      tags: ['Webhooks'],
      summary: "A delivery's attempts",
      description:
        'Every attempt at one delivery, the latest first: when, how long it took, the status ' +
        'answered, the first kilobyte of the answer and why it failed. Redeliveries go on ' +
        'counting attempts.',
      protect: true,
    },
  })
  .input(attemptListInput)
  .output(attemptPage)
  .query(async ({ ctx, input }) => {
    if (!(await getDelivery(ctx.tx, input.endpointId, input.id))) throw notFound('Delivery');
    return listAttempts(ctx.tx, input);
  });
