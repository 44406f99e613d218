'use client';

import { Bar, BarChart, CartesianGrid, Cell, XAxis, YAxis } from 'recharts';
import {
  ChartContainer,
  ChartTooltip,
  ChartTooltipContent,
  seriesColor,
  type ChartConfig,
} from '@/components/ui/chart';
import { statusColor } from '@/lib/status-colors';
import { customerStatusLabel } from '@/features/customers/customer-status-badge';
import { CUSTOMER_STATUSES, type CustomerStatus } from '@/schemas/customers';
import { api } from '@/trpc/react';
import { QueryCard } from './dashboard-card';
import { formatCount } from './dashboard-format';

const config: ChartConfig = {
  count: { label: 'Customers' },
  ...Object.fromEntries(
    CUSTOMER_STATUSES.map((status) => [
      status,
      { label: customerStatusLabel(status), color: statusColor(status) },
    ]),
  ),
};

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

function StatusBars({ rows }: { rows: { status: CustomerStatus; count: number }[] }) {
  const data = rows.map((row) => ({
    status: row.status,
    label: customerStatusLabel(row.status),
    count: row.count,
    fill: seriesColor(row.status),
  }));
  return (
    <ChartContainer
      config={config}
      label="Customers by status"
      className="aspect-auto h-64 w-full"
      table={{
        headers: ['Status', 'Customers'],
        rows: data.map((row) => ({ key: row.status, cells: [row.label, formatCount(row.count)] })),
      }}
    >
      <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="label" tickLine={false} axisLine={false} tickMargin={8} />
        <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={40} />
        <ChartTooltip
          cursor={false}
          content={
            <ChartTooltipContent
              hideLabel
              nameKey="status"
              valueFormatter={(value) => (typeof value === 'number' ? formatCount(value) : value)}
            />
          }
        />
        <Bar dataKey="count" radius={4}>
          {data.map((row) => (
            <Cell key={row.status} fill={row.fill} />
          ))}
        </Bar>
      </BarChart>
    </ChartContainer>
  );
}
