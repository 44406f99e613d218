import { webhookEndpointOutput, webhookUpdateInput } from '@/schemas/webhooks';
import { getEndpoint } from '@/server/db/repositories/webhooks';
import { changeEndpoint } from '@/server/domain/webhooks/endpoints';
import { orNotFound } from '@/server/errors';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure } from '../../trpc';

export const update = organizationProcedure
  .meta({
    permission: 'webhooks:manage',
    openapi: {
      method: 'PATCH',
      path: '/webhooks/{id}',
      tags: ['Webhooks'],
      summary: 'Update a webhook endpoint',
      description: 'Changes the URL, description, event types or enabled flag.',
      protect: true,
    },
  })
  .input(webhookUpdateInput)
  .output(webhookEndpointOutput)
  .mutation(async ({ ctx, input }) => {
    const before = orNotFound(await getEndpoint(ctx.tx, input.id, true), 'Webhook endpoint');
    assertIfMatch(ctx.ifMatch, webhookEndpointOutput, before);
    const { after, changed } = await changeEndpoint(ctx.tx, before, input, ctx.services.webhooks);
    await ctx.auditChange(changed, {
      action: 'webhook.updated',
      entityType: 'webhook_endpoint',
      entityId: after.id,
      changes: { before, after },
    });
    return after;
  });
