import { topCustomersOutput } from '@/schemas/dashboard';
import { topCustomers as topPayers } from '@/server/domain/dashboard/figures';
import { organizationProcedure } from '../../trpc';

export const topCustomers = organizationProcedure
  .meta({ permission: 'orders:read' })
  .output(topCustomersOutput)
  .query(({ ctx }) =>
    ctx.services.figures.figure(ctx.tx, 'topCustomers', topCustomersOutput, () =>
      topPayers(ctx.tx, 5),
    ),
  );
