import { idParam } from '@/schemas/common';
import { companyOutput } from '@/schemas/companies';
import { getCompany } from '@/server/db/repositories/companies';
import { restoreCompany, softDeleteCompany } from '@/server/db/repositories/company-writes';
import { assertIfMatch } from '../../preconditions';
import { organizationProcedure } from '../../trpc';
import { companyAudits } from '../../record-audits';

/** Soft delete: the company disappears from reads and lists, and can be restored. */
export const remove = organizationProcedure
  .meta({
    permission: 'companies:delete',
    openapi: {
      method: 'DELETE',
      path: '/companies/{id}',
      tags: ['Companies'],
      summary: 'Delete a company',
      description:
        'The company disappears from reads and lists and can be restored; its people keep their link.',
      protect: true,
    },
  })
  .input(idParam)
  .output(companyOutput)
  .mutation(async ({ ctx, input }) => {
    if (ctx.ifMatch) {
      assertIfMatch(ctx.ifMatch, companyOutput, await getCompany(ctx.tx, input.id, true));
    }
    const company = await softDeleteCompany(ctx.tx, input.id);
    await ctx.audit(companyAudits.deleted(company));
    return company;
  });

export const restore = organizationProcedure
  .meta({
    permission: 'companies:restore',
    openapi: {
      method: 'POST',
      path: '/companies/{id}/restore',
      tags: ['Companies'],
      summary: 'Restore a deleted company',
      description:
        'Undoes a delete. Refused (409) if another live company has taken the domain meanwhile.',
      protect: true,
    },
  })
  .input(idParam)
  .output(companyOutput)
  .mutation(async ({ ctx, input }) => {
    const company = await restoreCompany(ctx.tx, input.id);
    await ctx.audit(companyAudits.restored(company));
    return company;
  });
