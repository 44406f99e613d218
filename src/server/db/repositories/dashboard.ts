import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { customers, orders } from '../schema';
import type { TenantTx } from '../types';
import { customerFullName, live } from './customer-columns';
import { ofOrganization } from './tenant-rows';

const REVENUE_STATUSES = ['paid', 'fulfilled'] as const;

export async function customersByStatus(tx: TenantTx) {
  return tx
    .select({ status: customers.status, count: sql<number>`count(*)::int` })
    .from(customers)
    .where(live(tx))
    .groupBy(customers.status);
}

/** New customers per week (weeks start on Monday, UTC), for the last `weeks` weeks. */
export async function newCustomersPerWeek(tx: TenantTx, since: Date) {
  const week = sql<Date>`date_trunc('week', ${customers.createdAt} at time zone 'UTC')`;
  return tx
    .select({ week, count: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(live(tx), gte(customers.createdAt, since)))
    .groupBy(week)
    .orderBy(week);
}

/** Revenue of paid (and then fulfilled) orders per month of payment and currency. */
export async function revenuePerMonth(tx: TenantTx, since: Date) {
  const month = sql<Date>`date_trunc('month', ${orders.paidAt} at time zone 'UTC')`;
  return tx
    .select({
      month,
      currency: orders.currency,
      totalCents: sql<number>`sum(${orders.totalCents})::bigint`,
    })
    .from(orders)
    .where(
      and(
        ofOrganization(tx, orders),
        inArray(orders.status, REVENUE_STATUSES),
        gte(orders.paidAt, since),
      ),
    )
    .groupBy(month, orders.currency)
    .orderBy(month);
}

export async function topCustomersByRevenue(tx: TenantTx, limit: number) {
  const total = sql<number>`sum(${orders.totalCents})::bigint`;
  return tx
    .select({
      customerId: customers.id,
      // An inner join: every row has its customer.
      name: sql<string>`${customerFullName}`,
      company: customers.company,
      currency: orders.currency,
      totalCents: total,
      orders: sql<number>`count(*)::int`,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(ofOrganization(tx, orders), inArray(orders.status, REVENUE_STATUSES)))
    .groupBy(
      customers.id,
      customers.firstName,
      customers.lastName,
      customers.company,
      orders.currency,
    )
    .orderBy(desc(total))
    .limit(limit);
}
