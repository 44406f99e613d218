import { companyListInput, companyPage } from '@/schemas/companies';
import { listCompanies } from '@/server/db/repositories/companies';
import { organizationProcedure } from '../../trpc';

export const list = organizationProcedure
  .meta({
    permission: 'companies:read',
    mcp: true,
    openapi: {
      method: 'GET',
      path: '/companies',
      tags: ['Companies'],
      summary: 'List companies',
      description:
        'Live companies, newest first by default, one page at a time. Filter, search and sort; ' +
        'follow `nextCursor` for the next page.',
      protect: true,
    },
  })
  .input(companyListInput)
  .output(companyPage)
  .query(({ ctx, input }) => listCompanies(ctx.tx, input));
