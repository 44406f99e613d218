import { customerOutput } from '@/schemas/customers';
import { idParam } from '@/schemas/common';
import { getCustomer } from '@/server/db/repositories/customers';
import { orNotFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const get = organizationProcedure
  .meta({
    permission: 'customers:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/customers/{id}',
      tags: ['Customers'],
      summary: 'Get a customer',
      description: 'One live customer of your organization.',
      protect: true,
    },
  })
  .input(idParam)
  .output(customerOutput)
  .query(async ({ ctx, input }) => orNotFound(await getCustomer(ctx.tx, input.id), 'Customer'));
