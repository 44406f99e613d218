import { interactionListInput, interactionPage } from '@/schemas/interactions';
import { getCustomer } from '@/server/db/repositories/customers';
import { listInteractions } from '@/server/db/repositories/interactions';
import { notFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({
    permission: 'interactions:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/customers/{customerId}/interactions',
      tags: ['Interactions'],
      summary: "A customer's timeline",
      description: 'Notes, calls, e-mails and meetings, newest first.',
      protect: true,
    },
  })
  .input(interactionListInput)
  .output(interactionPage)
  .query(async ({ ctx, input }) => {
    if (!(await getCustomer(ctx.tx, input.customerId))) throw notFound('Customer');
    return listInteractions(ctx.tx, input);
  });
