import { recentActivityOutput } from '@/schemas/dashboard';
import { recentActivity as latestChanges } from '@/server/db/repositories/dashboard';
import { organizationProcedure } from '../../trpc';

export const recentActivity = organizationProcedure
  .meta({ permission: 'customers:read' })
  .output(recentActivityOutput)
  .query(({ ctx }) => latestChanges(ctx.tx, 15));
