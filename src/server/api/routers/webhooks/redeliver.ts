import { deliveryIdInput, webhookDeliveryOutput } from '@/schemas/webhooks';
import { redeliver as scheduleRedelivery } from '@/server/domain/webhooks/redeliver';
import { organizationProcedure } from '../../trpc';

export const redeliver = organizationProcedure
  .meta({
    permission: 'webhooks:manage',
    openapi: {
      method: 'POST',
      path: '/webhooks/{endpointId}/deliveries/{id}/redeliver',
      tags: ['Webhooks'],
      summary: 'Send a delivery again',
      description:
        'Schedules one more attempt now, whatever the delivery’s state. The event keeps its id, ' +
        'so receivers that deduplicate on `webhook-id` will see it as the same event.',
      protect: true,
    },
  })
  .input(deliveryIdInput)
  .output(webhookDeliveryOutput)
  .mutation(async ({ ctx, input }) => {
    const delivery = await scheduleRedelivery(ctx.tx, ctx.services.jobs, input);
    await ctx.audit({
      action: 'webhook.redelivered',
      entityType: 'webhook_delivery',
      entityId: delivery.id,
    });
    return delivery;
  });
