import { z } from 'zod';
import { CUSTOMER_STATUSES } from '@/schemas/customers';
import {
  customersByStatus,
  newCustomersPerWeek,
  recentActivity,
  revenuePerMonth,
  topCustomersByRevenue,
} from '@/server/db/repositories/dashboard';
import { organizationProcedure, router } from '../../trpc';

const WEEK = 7 * 24 * 60 * 60 * 1000;
const at = () => z.date();

/** Monday 00:00 UTC of the week containing `date`. */
function startOfWeek(date: Date) {
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day));
}

const monthKey = (date: Date) =>
  `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;

export const dashboardRouter = router({
  customersByStatus: organizationProcedure
    .meta({ permission: 'customers:read' })
    .output(z.array(z.object({ status: z.enum(CUSTOMER_STATUSES), count: z.number().int() })))
    .query(async ({ ctx }) => {
      const counts = new Map(
        (await customersByStatus(ctx.tx)).map((row) => [row.status, row.count]),
      );
      return CUSTOMER_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
    }),

  /** The last twelve weeks, including weeks without new customers. */
  newCustomersPerWeek: organizationProcedure
    .meta({ permission: 'customers:read' })
    .output(z.array(z.object({ week: at(), count: z.number().int() })))
    .query(async ({ ctx }) => {
      const first = new Date(startOfWeek(new Date()).getTime() - 11 * WEEK);
      const counts = new Map(
        (await newCustomersPerWeek(ctx.tx, first)).map((row) => [
          new Date(row.week).getTime(),
          row.count,
        ]),
      );
      return Array.from({ length: 12 }, (_, i) => {
        const week = new Date(first.getTime() + i * WEEK);
        return { week, count: counts.get(week.getTime()) ?? 0 };
      });
    }),

  /** Paid revenue of the last twelve months, per currency. */
  revenuePerMonth: organizationProcedure
    .meta({ permission: 'orders:read' })
    .output(
      z.array(z.object({ month: z.string(), currency: z.string(), totalCents: z.number().int() })),
    )
    .query(async ({ ctx }) => {
      const now = new Date();
      const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
      const rows = await revenuePerMonth(ctx.tx, since);
      return rows.map((row) => ({
        month: monthKey(new Date(row.month)),
        currency: row.currency,
        totalCents: Number(row.totalCents),
      }));
    }),

  topCustomers: organizationProcedure
    .meta({ permission: 'orders:read' })
    .output(
      z.array(
        z.object({
          customerId: z.uuid(),
          name: z.string(),
          company: z.string().nullable(),
          currency: z.string(),
          totalCents: z.number().int(),
          orders: z.number().int(),
        }),
      ),
    )
    .query(async ({ ctx }) =>
      (await topCustomersByRevenue(ctx.tx, 5)).map((row) => ({
        ...row,
        totalCents: Number(row.totalCents),
      })),
    ),

  recentActivity: organizationProcedure
    .meta({ permission: 'customers:read' })
    .output(
      z.array(
        z.object({
          id: z.uuid(),
          action: z.string(),
          entityType: z.string(),
          entityId: z.string().nullable(),
          actorName: z.string().nullable(),
          createdAt: at(),
        }),
      ),
    )
    .query(({ ctx }) => recentActivity(ctx.tx, 15)),
});
