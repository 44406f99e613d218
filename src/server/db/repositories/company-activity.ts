import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CompanyCustomersParams, CompanyTimelineParams } from '@/schemas/companies';
import { customerInteractions, customers, orders, users } from '../schema';
import type { TenantTx } from '../types';
import { customerColumns, customerFullName, live } from './customer-columns';
import { afterPosition, decodeCursor, keysetOrder, pageOf } from './cursor';
import { afterTimelineCursor, interactionColumns, NEWEST_FIRST, newestFirst } from './interactions';

const BY_NAME = { sort: 'name', order: 'asc' } as const;

/** A company's live people by name, one page at a time (keyset on name and id). */
export async function listCompanyCustomers(tx: TenantTx, params: CompanyCustomersParams) {
  const where: SQL[] = [live(tx)!, eq(customers.companyId, params.id)];
  if (params.cursor) {
    const position = decodeCursor(params.cursor, BY_NAME);
    where.push(afterPosition(customers.nameSort, customers.id, position));
  }
  const rows = await tx
    .select({ ...customerColumns, nameSort: customers.nameSort })
    .from(customers)
    .where(and(...where))
    .orderBy(...keysetOrder('asc', customers.nameSort, customers.id))
    .limit(params.limit + 1);
  const page = pageOf(rows, params.limit, BY_NAME, (row) => row.nameSort);
  return { ...page, items: page.items.map(({ nameSort: _nameSort, ...customer }) => customer) };
}

/**
 * The interactions of a company's live people, newest first (keyset on occurred_at and id):
 * one range of an index on the company, however many people and entries the organization has.
 */
export async function listCompanyTimeline(tx: TenantTx, params: CompanyTimelineParams) {
  const where: SQL[] = [
    eq(customerInteractions.organizationId, tx.organizationId),
    eq(customerInteractions.companyId, params.id),
  ];
  if (params.cursor) where.push(afterTimelineCursor(params.cursor));
  const rows = await tx
    .select({
      ...interactionColumns,
      customerName: customerFullName,
    })
    .from(customerInteractions)
    .leftJoin(customers, eq(customers.id, customerInteractions.customerId))
    .leftJoin(users, eq(users.id, customerInteractions.authorId))
    .where(and(...where))
    .orderBy(...newestFirst)
    .limit(params.limit + 1);
  return pageOf(rows, params.limit, NEWEST_FIRST, (row) => row.occurredAt);
}

/** What the paid and fulfilled orders of a company's people add up to, per currency. */
export async function companyRevenue(tx: TenantTx, companyId: string) {
  return tx
    .select({
      currency: orders.currency,
      paidCents: sql<number>`coalesce(sum(${orders.totalCents}), 0)::bigint`.mapWith(Number),
      orderCount: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(orders)
    .where(
      and(
        eq(orders.organizationId, tx.organizationId),
        eq(orders.companyId, companyId),
        inArray(orders.status, ['paid', 'fulfilled']),
      ),
    )
    .groupBy(orders.currency)
    .orderBy(asc(orders.currency));
}
