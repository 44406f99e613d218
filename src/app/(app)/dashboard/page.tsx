import type { Metadata } from 'next';
import { DashboardView } from '@/features/dashboard/dashboard-view';
import { can } from '@/schemas/permissions';
import { getServerContext, HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  if (await rendersForMember()) {
    const role = (await getServerContext()).principal?.organization?.role;
    if (role && can(role, 'customers:read')) {
      void serverApi.onboarding.progress.prefetch();
      void serverApi.customers.count.prefetch({});
      void serverApi.dashboard.customersByStatus.prefetch();
      void serverApi.dashboard.newCustomersPerWeek.prefetch();
      void serverApi.dashboard.recentActivity.prefetch();
    }
    if (role && can(role, 'customers:read') && can(role, 'deals:read')) {
      void serverApi.deals.board.prefetch({ perStage: 0 });
    }
    if (role && can(role, 'orders:read')) {
      void serverApi.dashboard.revenuePerMonth.prefetch();
      void serverApi.dashboard.topCustomers.prefetch();
    }
  }
  return (
    <HydrateClient>
      <DashboardView />
    </HydrateClient>
  );
}
