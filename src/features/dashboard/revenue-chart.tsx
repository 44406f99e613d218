'use client';

import dynamic from 'next/dynamic';
import { api } from '@/trpc/react';
import { ChartLoading, QueryCard } from './dashboard-card';

// The chart's code (recharts) loads after the page is shown: the card and a skeleton come first.
const RevenueAreas = dynamic(
  () => import('./revenue-areas').then((module) => module.RevenueAreas),
  { ssr: false, loading: ChartLoading },
);

export function RevenueChart() {
  const revenue = api.dashboard.revenuePerMonth.useQuery();
  return (
    <QueryCard
      title="Revenue per month"
      description="Paid orders in the last twelve months, by month of payment."
      query={revenue}
      chart
      isEmpty={(rows) => rows.length === 0}
      empty={{
        title: 'No paid orders in the last twelve months.',
        hint: 'Revenue appears here once orders are marked as paid.',
      }}
    >
      {(rows) => <RevenueAreas rows={rows} />}
    </QueryCard>
  );
}
