import { customersByStatusOutput } from '@/schemas/dashboard';
import { customerCountsByStatus } from '@/server/domain/dashboard/figures';
import { organizationProcedure } from '../../trpc';

export const customersByStatus = organizationProcedure
  .meta({ permission: 'customers:read' })
  .output(customersByStatusOutput)
  .query(({ ctx }) =>
    ctx.services.figures.figure(ctx.tx, 'customersByStatus', customersByStatusOutput, () =>
      customerCountsByStatus(ctx.tx),
    ),
  );
