import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Customer, CustomerCreateValues } from '@/schemas/customers';
import { AppError } from '@/server/errors';
import { customers } from '../schema';
import type { TenantTx } from '../types';
import { customerColumns, live } from './customer-columns';
import { emailTaken } from './customer-writes';
import { isUniqueViolation } from './pg-errors';

/**
 * Locks the live customers with these ids for the rest of the transaction (in id order, so two
 * bulk changes cannot deadlock). All must exist: otherwise nothing is locked for long, the
 * transaction fails with a 404.
 */
export async function lockLiveCustomers(tx: TenantTx, ids: string[]): Promise<Customer[]> {
  const rows = await tx
    .select(customerColumns)
    .from(customers)
    .where(and(live(tx), inArray(customers.id, ids)))
    .orderBy(asc(customers.id))
    .for('update');
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((row) => row.id));
    const missing = ids.flatMap((id, index) => (found.has(id) ? [] : [index]));
    throw new AppError(
      'NOT_FOUND',
      `${missing.length} of the ${ids.length} customers were not found`,
      { issues: missing.map((index) => ({ path: ['ids', index], message: 'not found' })) },
    );
  }
  return rows;
}

/** Live customers with these (lower-cased) e-mail addresses: address → id. */
export async function customerIdsByEmail(tx: TenantTx, emails: string[]) {
  if (emails.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: customers.id, email: sql<string>`lower(${customers.email})` })
    .from(customers)
    .where(and(live(tx), inArray(sql`lower(${customers.email})`, emails)));
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** Inserts many customers at once (an import), returning them in the given order. */
export async function insertCustomers(
  tx: TenantTx,
  values: CustomerCreateValues[],
): Promise<Customer[]> {
  if (values.length === 0) return [];
  try {
    return await tx
      .insert(customers)
      .values(values.map((value) => ({ ...value, organizationId: tx.organizationId })))
      .returning(customerColumns);
  } catch (error) {
    if (isUniqueViolation(error, 'customers_organization_email_unique')) throw emailTaken();
    throw error;
  }
}
