import { webhookCreateInput, webhookSecretOutput } from '@/schemas/webhooks';
import { createEndpoint } from '@/server/domain/webhooks/endpoints';
import { organizationProcedure } from '../../trpc';

export const create = organizationProcedure
  .meta({
    permission: 'webhooks:manage',
    openapi: {
      method: 'POST',
      path: '/webhooks',
      tags: ['Webhooks'],
      summary: 'Create a webhook endpoint',
      description:
        'Events of the chosen types are POSTed to the URL, signed per Standard Webhooks with the ' +
        'secret returned here (and only here). Private, loopback and link-local addresses are refused.',
      protect: true,
    },
  })
  .input(webhookCreateInput)
  .output(webhookSecretOutput)
  .mutation(async ({ ctx, input }) => {
    const created = await createEndpoint(
      ctx.tx,
      ctx.services.secretBox,
      input,
      ctx.services.webhooks,
    );
    await ctx.audit({
      action: 'webhook.created',
      entityType: 'webhook_endpoint',
      entityId: created.endpoint.id,
      changes: { after: created.endpoint },
    });
    return created;
  });
