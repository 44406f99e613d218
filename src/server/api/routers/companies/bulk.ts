import {
  bulkCompanyResult,
  companyBulkDeleteInput,
  companyBulkUpdateInput,
} from '@/schemas/companies';
import { COMPANIES } from '@/server/db/repositories/company-columns';
import { organizationProcedure } from '../../trpc';
import { bulkDeleteHandler, bulkUpdateHandler } from '../bulk-records';
import { companyAudits } from '../../record-audits';

/** Tags or assigns up to 100 companies at once: all or none, one audit row per company changed. */
export const bulkUpdate = organizationProcedure
  .meta({
    permission: 'companies:write',
    bulk: true,
    openapi: {
      method: 'POST',
      path: '/companies/bulk-update',
      tags: ['Companies'],
      summary: 'Change many companies',
      description:
        'Adds or removes a tag, or assigns an owner, on up to 100 companies in one transaction: if one ' +
        'company cannot be changed (not found, too many tags) none is. Companies already as asked are ' +
        'left alone; each one changed gets its own audit entry and `company.updated` event.',
      protect: true,
    },
  })
  .input(companyBulkUpdateInput)
  .output(bulkCompanyResult)
  .mutation(bulkUpdateHandler(COMPANIES, companyAudits));

/** Soft-deletes up to 100 companies at once: all or none, one audit row each. */
export const bulkDelete = organizationProcedure
  .meta({
    permission: 'companies:delete',
    bulk: true,
    openapi: {
      method: 'POST',
      path: '/companies/bulk-delete',
      tags: ['Companies'],
      summary: 'Delete many companies',
      description:
        'Deletes up to 100 companies in one transaction (404 and nothing deleted if one is not found). ' +
        'Each can be restored; each gets its own audit entry and `company.deleted` event.',
      protect: true,
    },
  })
  .input(companyBulkDeleteInput)
  .output(bulkCompanyResult)
  .mutation(bulkDeleteHandler(COMPANIES, companyAudits));
