import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Company } from '@/schemas/companies';
import type { Customer } from '@/schemas/customers';
import { customerInteractions, customers, deals } from '../schema';
import type { TenantTx } from '../types';
import { customerColumns } from './customer-columns';

/**
 * Moves the people of one company (deleted ones too, so a restored person finds their company)
 * to another, with its name: each before and after, for their audit rows.
 */
export async function moveCompanyPeople(
  tx: TenantTx,
  fromId: string,
  to: Pick<Company, 'id' | 'name'>,
): Promise<{ before: Customer; after: Customer }[]> {
  const ofSource = and(
    eq(customers.organizationId, tx.organizationId),
    eq(customers.companyId, fromId),
  );
  const before = await tx
    .select(customerColumns)
    .from(customers)
    .where(ofSource)
    .orderBy(asc(customers.id))
    .for('update');
  if (before.length === 0) return [];
  const after = await tx
    .update(customers)
    .set({
      companyId: to.id,
      company: to.name,
      updatedAt: new Date(),
      version: sql`${customers.version} + 1`,
    })
    .where(ofSource)
    .returning(customerColumns);
  const byId = new Map(after.map((customer) => [customer.id, customer]));
  return before.map((customer) => ({ before: customer, after: byId.get(customer.id)! }));
}

/** Moves the deals of one company to another, returning their ids. */
export async function moveCompanyDeals(tx: TenantTx, fromId: string, toId: string) {
  const rows = await tx
    .update(deals)
    .set({ companyId: toId, updatedAt: new Date(), version: sql`${deals.version} + 1` })
    .where(and(eq(deals.organizationId, tx.organizationId), eq(deals.companyId, fromId)))
    .returning({ id: deals.id });
  return rows.map((row) => row.id);
}

/** Moves the entries about a company alone (not those of its people, which follow them). */
export async function moveCompanyInteractions(tx: TenantTx, fromId: string, toId: string) {
  const rows = await tx
    .update(customerInteractions)
    .set({ companyId: toId, updatedAt: new Date() })
    .where(
      and(
        eq(customerInteractions.organizationId, tx.organizationId),
        eq(customerInteractions.companyId, fromId),
        isNull(customerInteractions.customerId),
      ),
    )
    .returning({ id: customerInteractions.id });
  return rows.map((row) => row.id);
}
