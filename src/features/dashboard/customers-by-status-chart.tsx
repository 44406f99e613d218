'use client';

import dynamic from 'next/dynamic';
import { api } from '@/trpc/react';
import { ChartLoading, QueryCard } from './dashboard-card';

// The chart's code (recharts) loads after the page is shown: the card and a skeleton come first.
const StatusBars = dynamic(() => import('./status-bars').then((module) => module.StatusBars), {
  ssr: false,
  loading: ChartLoading,
});

export function CustomersByStatusChart() {
  const statuses = api.dashboard.customersByStatus.useQuery();
  return (
    <QueryCard
      title="Customers by status"
      description="Where every customer stands today."
      query={statuses}
      chart
      isEmpty={(rows) => rows.every((row) => row.count === 0)}
      empty={{
        title: 'No customers yet.',
        hint: 'Add customers or import a CSV file; they will be counted here by status.',
      }}
    >
      {(rows) => <StatusBars rows={rows} />}
    </QueryCard>
  );
}
