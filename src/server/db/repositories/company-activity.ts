import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CompanyCustomersParams, CompanyTimelineParams } from '@/schemas/companies';
import { customerInteractions, customers, orders, users } from '../schema';
import type { TenantTx } from '../types';
import { customerColumns, live } from './customer-columns';
import { decodeCursor, encodeCursor } from './cursor';

/** A company's live people by name, one page at a time (keyset on name and id). */
export async function listCompanyCustomers(tx: TenantTx, params: CompanyCustomersParams) {
  const where: SQL[] = [live(tx)!, eq(customers.companyId, params.id)];
  if (params.cursor) {
    const position = decodeCursor(params.cursor, { sort: 'name', order: 'asc' });
    where.push(
      sql`(${customers.nameSort}, ${customers.id}) > (${position.value}, ${position.id}::uuid)`,
    );
  }
  const rows = await tx
    .select({ ...customerColumns, nameSort: customers.nameSort })
    .from(customers)
    .where(and(...where))
    .orderBy(asc(customers.nameSort), asc(customers.id))
    .limit(params.limit + 1);
  const hasMore = rows.length > params.limit;
  const page = hasMore ? rows.slice(0, params.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(({ nameSort: _nameSort, ...customer }) => customer),
    nextCursor:
      hasMore && last
        ? encodeCursor({ sort: 'name', order: 'asc', value: last.nameSort, id: last.id })
        : null,
  };
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
  if (params.cursor) {
    const position = decodeCursor(params.cursor, { sort: 'occurredAt', order: 'desc' });
    where.push(
      sql`(${customerInteractions.occurredAt}, ${customerInteractions.id}) < (${String(position.value)}::timestamptz, ${position.id}::uuid)`,
    );
  }
  const rows = await tx
    .select({
      id: customerInteractions.id,
      customerId: customerInteractions.customerId,
      companyId: customerInteractions.companyId,
      customerName: sql<
        string | null
      >`trim(${customers.firstName} || ' ' || ${customers.lastName})`,
      type: customerInteractions.type,
      subject: customerInteractions.subject,
      content: customerInteractions.content,
      occurredAt: customerInteractions.occurredAt,
      authorId: customerInteractions.authorId,
      authorName: users.name,
      createdAt: customerInteractions.createdAt,
      updatedAt: customerInteractions.updatedAt,
    })
    .from(customerInteractions)
    .leftJoin(customers, eq(customers.id, customerInteractions.customerId))
    .leftJoin(users, eq(users.id, customerInteractions.authorId))
    .where(and(...where))
    .orderBy(desc(customerInteractions.occurredAt), desc(customerInteractions.id))
    .limit(params.limit + 1);
  const hasMore = rows.length > params.limit;
  const items = hasMore ? rows.slice(0, params.limit) : rows;
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      hasMore && last
        ? encodeCursor({
            sort: 'occurredAt',
            order: 'desc',
            value: last.occurredAt.toISOString(),
            id: last.id,
          })
        : null,
  };
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
