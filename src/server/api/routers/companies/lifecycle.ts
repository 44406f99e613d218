import { idParam } from '@/schemas/common';
import { companyOutput, type Company } from '@/schemas/companies';
import { getCompany } from '@/server/db/repositories/companies';
import { restoreCompany, softDeleteCompany } from '@/server/db/repositories/company-writes';
import { organizationProcedure } from '../../trpc';
import { companyAudits } from '../../record-audits';
import { restoreHandler, softDeleteHandler, type SoftDeletable } from '../soft-delete';

const companies: SoftDeletable<Company> = {
  output: companyOutput,
  lock: (tx, id) => getCompany(tx, id, true),
  softDelete: softDeleteCompany,
  restore: restoreCompany,
  audits: companyAudits,
};

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
  .mutation(softDeleteHandler(companies));

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
  .mutation(restoreHandler(companies));
