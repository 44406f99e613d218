import { idParam } from '@/schemas/common';
import { webhookSecretOutput } from '@/schemas/webhooks';
import { rotateSecret as rotate } from '@/server/domain/webhooks/endpoints';
import { organizationProcedure } from '../../trpc';

export const rotateSecret = organizationProcedure
  .meta({
    permission: 'webhooks:manage',
    openapi: {
      method: 'POST',
      path: '/webhooks/{id}/rotate-secret',
      tags: ['Webhooks'],
      summary: "Rotate an endpoint's signing secret",
      description:
        'Returns a new secret. For 24 hours deliveries carry signatures with both the new and ' +
        'the previous secret, so receivers can switch without dropping events.',
      protect: true,
    },
  })
  .input(idParam)
  .output(webhookSecretOutput)
  .mutation(async ({ ctx, input }) => {
    const rotated = await rotate(ctx.tx, ctx.services.secretBox, input.id);
    await ctx.audit({
      action: 'webhook.secret_rotated',
      entityType: 'webhook_endpoint',
      entityId: rotated.endpoint.id,
    });
    return rotated;
  });
