import { idParam } from '@/schemas/common';
import { webhookEndpointOutput } from '@/schemas/webhooks';
import { deleteEndpoint, getEndpoint } from '@/server/db/repositories/webhooks';
import { orNotFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure } from '../../trpc';

export const remove = organizationProcedure
  .meta({
    permission: 'webhooks:manage',
    openapi: {
      method: 'DELETE',
      path: '/webhooks/{id}',
      tags: ['Webhooks'],
      summary: 'Delete a webhook endpoint',
      description: 'Stops all deliveries to it, including scheduled retries, and removes its log.',
      protect: true,
    },
  })
  .input(idParam)
  .output(webhookEndpointOutput)
  .mutation(async ({ ctx, input }) => {
    if (ctx.ifMatch) {
      assertIfMatch(ctx.ifMatch, webhookEndpointOutput, await getEndpoint(ctx.tx, input.id, true));
    }
    const endpoint = orNotFound(await deleteEndpoint(ctx.tx, input.id), 'Webhook endpoint');
    await ctx.audit({
      action: 'webhook.deleted',
      entityType: 'webhook_endpoint',
      entityId: endpoint.id,
      changes: { before: endpoint },
    });
    return endpoint;
  });
