import { idParam } from '@/schemas/common';
import { webhookEndpointOutput } from '@/schemas/webhooks';
import { getEndpoint } from '@/server/db/repositories/webhooks';
import { orNotFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const get = organizationProcedure
  .meta({
    permission: 'webhooks:manage',
    openapi: {
      method: 'GET',
      path: '/webhooks/{id}',
      tags: ['Webhooks'],
      summary: 'Get a webhook endpoint',
      description: 'One webhook endpoint; its secret is never shown again.',
      protect: true,
    },
  })
  .input(idParam)
  .output(webhookEndpointOutput)
  .query(async ({ ctx, input }) =>
    orNotFound(await getEndpoint(ctx.tx, input.id), 'Webhook endpoint'),
  );
