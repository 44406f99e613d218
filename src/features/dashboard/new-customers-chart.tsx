'use client';

import dynamic from 'next/dynamic';
import { api } from '@/trpc/react';
import { ChartLoading, QueryCard } from './dashboard-card';

// The chart's code (recharts) loads after the page is shown: the card and a skeleton come first.
const NewCustomersBars = dynamic(
  () => import('./new-customers-bars').then((module) => module.NewCustomersBars),
  { ssr: false, loading: ChartLoading },
);

export function NewCustomersChart() {
  const weeks = api.dashboard.newCustomersPerWeek.useQuery();
  return (
    <QueryCard
      title="New customers per week"
      description="Customers added in the last twelve weeks."
      query={weeks}
      chart
      isEmpty={(data) => data.every((week) => week.count === 0)}
      empty={{
        title: 'No new customers in the last twelve weeks.',
        hint: 'Add customers or import a CSV file to see them here.',
      }}
    >
      {(data) => <NewCustomersBars weeks={data} />}
    </QueryCard>
  );
}
