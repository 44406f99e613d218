'use client';

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import {
  ChartContainer,
  ChartTooltip,
  ChartTooltipContent,
  seriesColor,
  type ChartConfig,
} from '@/components/ui/chart';
import { api } from '@/trpc/react';
import { QueryCard } from './dashboard-card';
import { formatCount, weekLabel, weekLongLabel } from './dashboard-format';

const config = {
  count: { label: 'New customers', color: 'var(--chart-1)' },
} satisfies ChartConfig;

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

function NewCustomersBars({ weeks }: { weeks: { week: Date; count: number }[] }) {
  const data = weeks.map((week) => ({
    key: week.week.toISOString(),
    label: weekLabel(week.week),
    longLabel: weekLongLabel(week.week),
    count: week.count,
  }));
  return (
    <ChartContainer
      config={config}
      label="New customers per week"
      className="aspect-auto h-64 w-full"
      table={{
        headers: ['Week', 'New customers'],
        rows: data.map((row) => ({ key: row.key, cells: [row.longLabel, formatCount(row.count)] })),
      }}
    >
      <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="label" tickLine={false} axisLine={false} tickMargin={8} minTickGap={16} />
        <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={40} />
        <ChartTooltip
          cursor={false}
          content={
            <ChartTooltipContent
              labelFormatter={(_, payload) => {
                const row = payload[0]?.payload as { longLabel?: string } | undefined;
                return row?.longLabel;
              }}
              valueFormatter={(value) => (typeof value === 'number' ? formatCount(value) : value)}
            />
          }
        />
        <Bar dataKey="count" fill={seriesColor('count')} radius={4} />
      </BarChart>
    </ChartContainer>
  );
}
