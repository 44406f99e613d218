import { idParam } from '@/schemas/common';
import { dealOutput } from '@/schemas/deals';
import { getDeal } from '@/server/db/repositories/deals';
import { orNotFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const get = organizationProcedure
  .meta({
    permission: 'deals:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/deals/{id}',
      tags: ['Deals'],
      summary: 'Get a deal',
      description: 'One live deal of your organization.',
      protect: true,
    },
  })
  .input(idParam)
  .output(dealOutput)
  .query(async ({ ctx, input }) => orNotFound(await getDeal(ctx.tx, input.id), 'Deal'));
