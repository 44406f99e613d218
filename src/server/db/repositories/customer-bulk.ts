import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Customer, CustomerCreateValues } from '@/schemas/customers';
import { customers } from '../schema';
import type { TenantTx } from '../types';
import { CUSTOMERS, customerColumns, emailTaken, live } from './customer-columns';
import { refuseUnique } from './pg-errors';

/** Live customers with these (lower-cased) e-mail addresses: address → id. */
export async function customerIdsByEmail(tx: TenantTx, emails: string[]) {
  if (emails.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: customers.id, email: customers.emailKey })
    .from(customers)
    .where(and(live(tx), isNotNull(customers.emailKey), inArray(customers.emailKey, emails)));
  return new Map(rows.map((row) => [row.email!, row.id]));
}

/** Inserts many customers at once (an import), returning them in the given order. */
export async function insertCustomers(
  tx: TenantTx,
  values: CustomerCreateValues[],
): Promise<Customer[]> {
  if (values.length === 0) return [];
  return refuseUnique(CUSTOMERS.unique.constraint, emailTaken, () =>
    tx
      .insert(customers)
      .values(values.map((value) => ({ ...value, organizationId: tx.organizationId })))
      .returning(customerColumns),
  );
}
