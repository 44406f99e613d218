import { emptyInput } from '@/schemas/common';
import { webhookEndpointPage } from '@/schemas/webhooks';
import { listEndpoints } from '@/server/db/repositories/webhooks';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({
    permission: 'webhooks:manage',
    openapi: {
      method: 'GET',
      path: '/webhooks',
      tags: ['Webhooks'],
      summary: 'List webhook endpoints',
      description: "The organization's webhook endpoints, oldest first (at most 20).",
      protect: true,
    },
  })
  .input(emptyInput)
  .output(webhookEndpointPage)
  .query(async ({ ctx }) => ({ items: await listEndpoints(ctx.tx), nextCursor: null }));
