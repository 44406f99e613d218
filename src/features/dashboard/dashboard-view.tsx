'use client';

import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { CustomersByStatusChart } from './customers-by-status-chart';
import { KpiCards } from './kpi-cards';
import { NewCustomersChart } from './new-customers-chart';
import { PipelineCard } from './pipeline-card';
import { RecentActivity } from './recent-activity';
import { RevenueChart } from './revenue-chart';
import { TopCustomers } from './top-customers';

export function DashboardView() {
  const canSeeCustomers = useCan('customers:read');
  const canSeeOrders = useCan('orders:read');
  const canSeeDeals = useCan('deals:read');
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Dashboard" description="Your organization at a glance." />
      {canSeeCustomers ? (
        <>
          <KpiCards />
          <div className="grid gap-6 lg:grid-cols-2">
            {canSeeDeals ? <PipelineCard /> : null}
            <NewCustomersChart />
            {canSeeOrders ? <RevenueChart /> : null}
            <CustomersByStatusChart />
            {canSeeOrders ? <TopCustomers /> : null}
            <RecentActivity />
          </div>
        </>
      ) : (
        <EmptyState>
          Your role cannot see customers, so there is nothing to show here yet.
        </EmptyState>
      )}
    </div>
  );
}
