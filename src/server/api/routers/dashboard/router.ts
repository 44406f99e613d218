import { router } from '../../trpc';
import { customersByStatus } from './customers-by-status';
import { newCustomersPerWeek } from './new-customers-per-week';
import { pipeline } from './pipeline';
import { recentActivity } from './recent-activity';
import { revenuePerMonth } from './revenue-per-month';
import { topCustomers } from './top-customers';

export const dashboardRouter = router({
  customersByStatus,
  newCustomersPerWeek,
  revenuePerMonth,
  topCustomers,
  recentActivity,
  pipeline,
});
