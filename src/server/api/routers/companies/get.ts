import { idParam } from '@/schemas/common';
import { companyOutput } from '@/schemas/companies';
import { getCompany } from '@/server/db/repositories/companies';
import { orNotFound } from '@/server/errors';
import { organizationProcedure } from '../../trpc';

export const get = organizationProcedure
  .meta({
    permission: 'companies:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/companies/{id}',
      tags: ['Companies'],
      summary: 'Get a company',
      description: 'One live company of your organization.',
      protect: true,
    },
  })
  .input(idParam)
  .output(companyOutput)
  .query(async ({ ctx, input }) => orNotFound(await getCompany(ctx.tx, input.id), 'Company'));
