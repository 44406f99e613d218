import { recentActivityOutput } from '@/schemas/dashboard';
import { recentActivity as latestActivity } from '@/server/domain/dashboard/recent-activity';
import { organizationProcedure } from '../../trpc';

export const recentActivity = organizationProcedure
  .meta({ permission: 'customers:read' })
  .output(recentActivityOutput)
  .query(({ ctx }) => latestActivity(ctx.tx, 15));
