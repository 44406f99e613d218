import { newCustomersPerWeekOutput } from '@/schemas/dashboard';
import { weeklyNewCustomers } from '@/server/domain/dashboard/figures';
import { organizationProcedure } from '../../trpc';

/** The last twelve weeks, including weeks without new customers. */
export const newCustomersPerWeek = organizationProcedure
  .meta({ permission: 'customers:read' })
  .output(newCustomersPerWeekOutput)
  .query(({ ctx }) =>
    ctx.services.figures.figure(ctx.tx, 'newCustomersPerWeek', newCustomersPerWeekOutput, () =>
      weeklyNewCustomers(ctx.tx),
    ),
  );
