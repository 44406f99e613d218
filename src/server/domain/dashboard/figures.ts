import { CUSTOMER_STATUSES } from '@/schemas/customers';
import {
  customersByStatus,
  newCustomersPerWeek,
  revenuePerMonth,
  topCustomersByRevenue,
} from '@/server/db/repositories/dashboard';
import type { TenantTx } from '@/server/db/types';

const WEEK = 7 * 24 * 60 * 60 * 1000;

/** Monday 00:00 UTC of the week containing `date`. */
function startOfWeek(date: Date) {
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day));
}

const monthKey = (date: Date) =>
  `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;

/** Live customers in every status, those without any included. */
export async function customerCountsByStatus(tx: TenantTx) {
  const counts = new Map((await customersByStatus(tx)).map((row) => [row.status, row.count]));
  return CUSTOMER_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

/** The last twelve weeks, including weeks without new customers. */
export async function weeklyNewCustomers(tx: TenantTx) {
  const first = new Date(startOfWeek(new Date()).getTime() - 11 * WEEK);
  const counts = new Map(
    (await newCustomersPerWeek(tx, first)).map((row) => [new Date(row.week).getTime(), row.count]),
  );
  return Array.from({ length: 12 }, (_, i) => {
    const week = new Date(first.getTime() + i * WEEK);
    return { week, count: counts.get(week.getTime()) ?? 0 };
  });
}

/** Paid revenue of the last twelve months, per currency. */
export async function monthlyRevenue(tx: TenantTx) {
  const now = new Date();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const rows = await revenuePerMonth(tx, since);
  return rows.map((row) => ({
    month: monthKey(new Date(row.month)),
    currency: row.currency,
    totalCents: Number(row.totalCents),
  }));
}

/** The customers who paid the most. */
export async function topCustomers(tx: TenantTx, limit: number) {
  return (await topCustomersByRevenue(tx, limit)).map((row) => ({
    ...row,
    totalCents: Number(row.totalCents),
  }));
}
