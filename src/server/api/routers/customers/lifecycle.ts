import { idParam } from '@/schemas/common';
import { customerOutput, type Customer } from '@/schemas/customers';
import { customerErasureOutput } from '@/schemas/customer-privacy';
import { restoreCustomer, softDeleteCustomer } from '@/server/db/repositories/customer-writes';
import { getCustomer } from '@/server/db/repositories/customers';
import { eraseCustomer } from '@/server/domain/customers/gdpr';
import { customerAudits } from '../../record-audits';
import { organizationProcedure } from '../../trpc';
import { restoreHandler, softDeleteHandler, type SoftDeletable } from '../soft-delete';

const customers: SoftDeletable<Customer> = {
  output: customerOutput,
  lock: (tx, id) => getCustomer(tx, id, true),
  softDelete: softDeleteCustomer,
  restore: restoreCustomer,
  audits: customerAudits,
};

/** Soft delete: the customer disappears from reads and lists, and can be restored. */
export const remove = organizationProcedure
  .meta({
    permission: 'customers:delete',
    openapi: {
      method: 'DELETE',
      path: '/customers/{id}',
      tags: ['Customers'],
      summary: 'Delete a customer',
      description:
        'The customer disappears from reads and lists and can be restored. Deleted customers appear in the change feed.',
      protect: true,
    },
  })
  .input(idParam)
  .output(customerOutput)
  .mutation(softDeleteHandler(customers));

export const restore = organizationProcedure
  .meta({
    permission: 'customers:restore',
    openapi: {
      method: 'POST',
      path: '/customers/{id}/restore',
      tags: ['Customers'],
      summary: 'Restore a deleted customer',
      description:
        'Undoes a delete. Refused (409) if another live customer has taken the e-mail address meanwhile.',
      protect: true,
    },
  })
  .input(idParam)
  .output(customerOutput)
  .mutation(restoreHandler(customers));

/**
 * GDPR erasure: the customer and their interactions are deleted for good, their orders are kept
 * without them, and the audit trail keeps only a tombstone of what it recorded about them.
 */
export const erase = organizationProcedure
  .meta({
    permission: 'customers:erase',
    openapi: {
      method: 'POST',
      path: '/customers/{id}/erase',
      tags: ['Customers'],
      summary: 'Erase a customer (GDPR)',
      description:
        'Deletes the customer and their interactions permanently, detaches their orders, and replaces what the ' +
        'audit trail and the change feed recorded about them with tombstones. Cannot be undone.',
      protect: true,
    },
  })
  .input(idParam)
  .output(customerErasureOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await eraseCustomer(ctx.tx, input.id);
    await ctx.audit({
      action: 'customer.erased',
      entityType: 'customer_erasure',
      entityId: null,
      changes: {
        after: {
          interactionsDeleted: result.interactionsDeleted,
          ordersDetached: result.ordersDetached,
        },
      },
      publish: { data: { id: result.customerId } },
    });
    return result;
  });
