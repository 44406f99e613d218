'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { OnboardingChecklist } from '@/features/onboarding/onboarding-checklist';
import { useGetStarted } from '@/features/onboarding/use-get-started';
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
  const canCreateCustomers = useCan('customers:write');
  const getStarted = useGetStarted();
  // Until there is a customer or a deal, every figure would be an empty card: show what fills
  // them instead (while the progress is unknown, the cards show as they always did).
  const noData = getStarted.progress ? !getStarted.progress.hasData : false;

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Dashboard" description="Your organization at a glance." />
      {canSeeCustomers && getStarted.showChecklist && getStarted.progress ? (
        <OnboardingChecklist
          progress={getStarted.progress}
          canAssignOwner={getStarted.canAssignOwner}
          onHide={getStarted.hide}
        />
      ) : null}
      {!canSeeCustomers ? (
        <EmptyState>
          Your role cannot see customers, so there is nothing to show here yet.
        </EmptyState>
      ) : noData ? (
        getStarted.showChecklist ? null : (
          <EmptyState
            title="Nothing to show yet."
            action={
              canCreateCustomers ? (
                <Button asChild variant="outline">
                  <Link href="/customers">Go to customers</Link>
                </Button>
              ) : null
            }
          >
            Figures about customers, deals and revenue appear here once the first customers and
            deals are added.
          </EmptyState>
        )
      ) : (
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
      )}
    </div>
  );
}
