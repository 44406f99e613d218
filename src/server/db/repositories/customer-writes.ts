import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Customer, CustomerCreateValues, CustomerUpdateValues } from '@/schemas/customers';
import { AppError, conflictOn, notFound } from '@/server/errors';
import { customers } from '../schema';
import type { TenantTx } from '../types';
import { changesTo, isEmpty } from './changes';
import { customerColumns, live } from './customer-columns';
import { assertMember } from './members';
import { isUniqueViolation } from './pg-errors';
import { staleVersion } from './versions';

export async function insertCustomer(
  tx: TenantTx,
  values: CustomerCreateValues,
): Promise<Customer> {
  if (values.ownerId) await assertMember(tx, values.ownerId, 'ownerId');
  try {
    const [customer] = await tx
      .insert(customers)
      .values({ ...values, organizationId: tx.organizationId })
      .returning(customerColumns);
    return customer!;
  } catch (error) {
    if (isUniqueViolation(error, 'customers_organization_email_unique')) throw emailTaken();
    throw error;
  }
}

export const emailTaken = () =>
  conflictOn('email', 'A customer with this e-mail address already exists');

/**
 * Applies the given fields (and only those) to a live customer, bumping its version. With an
 * expected version the update happens only if nobody changed the customer since: otherwise
 * nothing changes and a conflict is raised. Fields that already have the given values are left
 * alone; when all have, nothing is written (`changed` is false, the version stays).
 */
export async function updateCustomer(
  tx: TenantTx,
  id: string,
  values: CustomerUpdateValues,
  expectedVersion?: number,
): Promise<{ before: Customer; after: Customer; changed: boolean }> {
  const [before] = await tx
    .select(customerColumns)
    .from(customers)
    .where(and(live(tx), eq(customers.id, id)))
    .for('update')
    .limit(1);
  if (!before) throw notFound('Customer');
  if (expectedVersion !== undefined && before.version !== expectedVersion) {
    throw staleVersion(before.version);
  }
  const changes = changesTo(before, values);
  if (isEmpty(changes)) return { before, after: before, changed: false };
  if (changes.ownerId) await assertMember(tx, changes.ownerId, 'ownerId');
  try {
    const [after] = await tx
      .update(customers)
      .set({ ...changes, version: sql`${customers.version} + 1`, updatedAt: new Date() })
      .where(and(live(tx), eq(customers.id, id)))
      .returning(customerColumns);
    return { before, after: after!, changed: true };
  } catch (error) {
    if (isUniqueViolation(error, 'customers_organization_email_unique')) throw emailTaken();
    throw error;
  }
}

/** Soft delete: gone from reads, restorable. */
export async function softDeleteCustomer(tx: TenantTx, id: string): Promise<Customer> {
  const [row] = await tx
    .update(customers)
    .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${customers.version} + 1` })
    .where(and(live(tx), eq(customers.id, id)))
    .returning(customerColumns);
  if (!row) throw notFound('Customer');
  return row;
}

export async function restoreCustomer(tx: TenantTx, id: string): Promise<Customer> {
  try {
    const [row] = await tx
      .update(customers)
      .set({ deletedAt: null, updatedAt: new Date(), version: sql`${customers.version} + 1` })
      .where(
        and(
          eq(customers.organizationId, tx.organizationId),
          eq(customers.id, id),
          isNotNull(customers.deletedAt),
        ),
      )
      .returning(customerColumns);
    if (!row) throw notFound('Deleted customer');
    return row;
  } catch (error) {
    if (isUniqueViolation(error, 'customers_organization_email_unique')) {
      throw new AppError(
        'CONFLICT',
        'Another live customer now has this e-mail address; change one of them first',
      );
    }
    throw error;
  }
}

/** GDPR erasure: the row goes (its interactions with it; its orders stay, detached). */
export async function deleteCustomerPermanently(tx: TenantTx, id: string) {
  const [row] = await tx
    .delete(customers)
    .where(and(eq(customers.organizationId, tx.organizationId), eq(customers.id, id)))
    .returning({ id: customers.id });
  return row;
}
