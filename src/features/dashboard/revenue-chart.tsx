'use client';

import { Area, AreaChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  chartColor,
  seriesColor,
  type ChartConfig,
} from '@/components/ui/chart';
import { formatMoney } from '@/lib/format';
import { api, type RouterOutputs } from '@/trpc/react';
import { QueryCard } from './dashboard-card';
import {
  formatCompact,
  formatCompactMoney,
  lastTwelveMonths,
  monthLabel,
  monthLongLabel,
  toMajorUnits,
  toMinorUnits,
} from './dashboard-format';

type RevenueRow = RouterOutputs['dashboard']['revenuePerMonth'][number];

/** Currencies in order of first appearance, so the first one keeps the first color. */
export function currenciesOf(rows: readonly RevenueRow[]): string[] {
  return [...new Set(rows.map((row) => row.currency))];
}

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

function RevenueAreas({ rows }: { rows: RevenueRow[] }) {
  const currencies = currenciesOf(rows);
  const months = lastTwelveMonths();
  const cents = new Map(rows.map((row) => [`${row.month} ${row.currency}`, row.totalCents]));
  const data = months.map((month) => ({
    month,
    label: monthLabel(month),
    ...Object.fromEntries(
      currencies.map((currency) => [
        currency,
        toMajorUnits(cents.get(`${month} ${currency}`) ?? 0, currency),
      ]),
    ),
  }));
  const config: ChartConfig = Object.fromEntries(
    currencies.map((currency, i) => [currency, { label: currency, color: chartColor(i) }]),
  );
  const single = currencies.length === 1 ? currencies[0] : undefined;

  return (
    <ChartContainer
      config={config}
      label={`Revenue per month in ${currencies.join(', ')}`}
      className="aspect-auto h-64 w-full"
      table={{
        headers: ['Month', ...currencies.map((currency) => `Revenue in ${currency}`)],
        rows: months.map((month) => ({
          key: month,
          cells: [
            monthLongLabel(month),
            ...currencies.map((currency) =>
              formatMoney(cents.get(`${month} ${currency}`) ?? 0, currency),
            ),
          ],
        })),
      }}
    >
      <AreaChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="label" tickLine={false} axisLine={false} tickMargin={8} />
        <YAxis
          tickLine={false}
          axisLine={false}
          width={56}
          tickFormatter={(value: number) =>
            single ? formatCompactMoney(value, single) : formatCompact(value)
          }
        />
        <ChartTooltip
          content={
            <ChartTooltipContent
              indicator="line"
              labelFormatter={(_, payload) => {
                const row = payload[0]?.payload as { month?: string } | undefined;
                return row?.month ? monthLongLabel(row.month) : null;
              }}
              valueFormatter={(value, item) => {
                const currency = String(item.dataKey);
                return typeof value === 'number'
                  ? formatMoney(toMinorUnits(value, currency), currency)
                  : String(value);
              }}
            />
          }
        />
        {currencies.length > 1 ? <ChartLegend content={<ChartLegendContent />} /> : null}
        {currencies.map((currency) => (
          <Area
            key={currency}
            dataKey={currency}
            name={currency}
            type="monotone"
            stroke={seriesColor(currency)}
            fill={seriesColor(currency)}
            fillOpacity={0.2}
            strokeWidth={2}
          />
        ))}
      </AreaChart>
    </ChartContainer>
  );
}
