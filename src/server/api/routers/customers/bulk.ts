import {
  bulkCustomerResult,
  customerBulkDeleteInput,
  customerBulkUpdateInput,
} from '@/schemas/customers';
import { CUSTOMERS } from '@/server/db/repositories/customer-columns';
import { customerAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';
import { bulkDeleteHandler, bulkUpdateHandler } from '../bulk-records';

/** Tags or assigns up to 100 customers at once: all or none, one audit row per customer changed. */
export const bulkUpdate = organizationProcedure
  .meta({
    permission: 'customers:write',
    bulk: true,
    openapi: {
      method: 'POST',
      path: '/customers/bulk-update',
      tags: ['Customers'],
      summary: 'Change many customers',
      description:
        'Adds or removes a tag, or assigns an owner, on up to 100 customers in one transaction: if one ' +
        'customer cannot be changed (not found, too many tags) none is. Customers already as asked are ' +
        'left alone; each one changed gets its own audit entry and `customer.updated` event.',
      protect: true,
    },
  })
  .input(customerBulkUpdateInput)
  .output(bulkCustomerResult)
  .mutation(bulkUpdateHandler(CUSTOMERS, customerAudits));

/** Soft-deletes up to 100 customers at once: all or none, one audit row each. */
export const bulkDelete = organizationProcedure
  .meta({
    permission: 'customers:delete',
    bulk: true,
    openapi: {
      method: 'POST',
      path: '/customers/bulk-delete',
      tags: ['Customers'],
      summary: 'Delete many customers',
      description:
        'Deletes up to 100 customers in one transaction (404 and nothing deleted if one is not found). ' +
        'Each can be restored; each gets its own audit entry and `customer.deleted` event.',
      protect: true,
    },
  })
  .input(customerBulkDeleteInput)
  .output(bulkCustomerResult)
  .mutation(bulkDeleteHandler(CUSTOMERS, customerAudits));
