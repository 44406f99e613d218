import { and, eq } from 'drizzle-orm';
import type { CustomerCreateValues, CustomerUpdateValues } from '@/schemas/customers';
import { customers } from '../schema';
import type { TenantTx } from '../types';
import { CUSTOMERS } from './customer-columns';
import { insertRecord, restoreRecord, softDeleteRecord, updateRecord } from './versioned-writes';

export const insertCustomer = (tx: TenantTx, values: CustomerCreateValues) =>
  insertRecord(tx, CUSTOMERS, values);

/**
 * Applies the given fields (and only those) to a live customer, bumping its version. With an
 * expected version the update happens only if nobody changed the customer since: otherwise
 * nothing changes and a conflict is raised. Fields that already have the given values are left
 * alone; when all have, nothing is written (`changed` is false, the version stays).
 */
export const updateCustomer = (
  tx: TenantTx,
  id: string,
  values: CustomerUpdateValues,
  expectedVersion?: number,
) => updateRecord(tx, CUSTOMERS, id, values, expectedVersion);

/** Soft delete: gone from reads, restorable. */
export const softDeleteCustomer = (tx: TenantTx, id: string) => softDeleteRecord(tx, CUSTOMERS, id);

export const restoreCustomer = (tx: TenantTx, id: string) => restoreRecord(tx, CUSTOMERS, id);

/** GDPR erasure: the row goes (its interactions with it; its orders stay, detached). */
export async function deleteCustomerPermanently(tx: TenantTx, id: string) {
  const [row] = await tx
    .delete(customers)
    .where(and(eq(customers.organizationId, tx.organizationId), eq(customers.id, id)))
    .returning({ id: customers.id });
  return row;
}
