import { revenuePerMonthOutput } from '@/schemas/dashboard';
import { monthlyRevenue } from '@/server/domain/dashboard/figures';
import { organizationProcedure } from '../../trpc';

/** Paid revenue of the last twelve months, per currency. */
export const revenuePerMonth = organizationProcedure
  .meta({ permission: 'orders:read' })
  .output(revenuePerMonthOutput)
  .query(({ ctx }) =>
    ctx.services.figures.figure(ctx.tx, 'revenuePerMonth', revenuePerMonthOutput, () =>
      monthlyRevenue(ctx.tx),
    ),
  );
