'use client';

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  chartColor,
  type ChartConfig,
} from '@/components/ui/chart';
import { formatMoney } from '@/lib/format';
import type { DealBoard } from '@/schemas/deals';
import { formatCompactMoney, toMajorUnits, toMinorUnits } from './dashboard-format';

const config: ChartConfig = {
  amount: { label: 'Amount', color: chartColor(0) },
  weighted: { label: 'Weighted', color: chartColor(1) },
};

/** Each open stage's value, as is and weighted, in the currency most of the value is in. */
export function OpenValueBars({ board }: { board: DealBoard }) {
  const open = board.stages.filter((stage) => stage.kind === 'open');
  const byCurrency = new Map<string, number>();
  for (const stage of open) {
    for (const sum of stage.totals) {
      byCurrency.set(sum.currency, (byCurrency.get(sum.currency) ?? 0) + sum.amountCents);
    }
  }
  const currency = [...byCurrency.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'USD';
  const others = [...byCurrency.keys()].filter((code) => code !== currency);
  const rows = open.map((stage) => {
    const sum = stage.totals.find((item) => item.currency === currency);
    return {
      id: stage.id,
      label: stage.name,
      amountCents: sum?.amountCents ?? 0,
      weightedCents: sum?.weightedAmountCents ?? 0,
    };
  });
  const data = rows.map((row) => ({
    label: row.label,
    amount: toMajorUnits(row.amountCents, currency),
    weighted: toMajorUnits(row.weightedCents, currency),
  }));

  return (
    <>
      <ChartContainer
        config={config}
        label={`Open value by stage in ${currency}, as is and weighted`}
        className="aspect-auto h-64 w-full"
        table={{
          headers: ['Stage', `Amount in ${currency}`, `Weighted in ${currency}`],
          rows: rows.map((row) => ({
            key: row.id,
            cells: [
              row.label,
              formatMoney(row.amountCents, currency),
              formatMoney(row.weightedCents, currency),
            ],
          })),
        }}
      >
        <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" tickLine={false} axisLine={false} tickMargin={8} />
          <YAxis
            tickLine={false}
            axisLine={false}
            width={56}
            tickFormatter={(value: number) => formatCompactMoney(value, currency)}
          />
          <ChartTooltip
            cursor={false}
            content={
              <ChartTooltipContent
                valueFormatter={(value) =>
                  typeof value === 'number'
                    ? formatMoney(toMinorUnits(value, currency), currency)
                    : String(value)
                }
              />
            }
          />
          <ChartLegend content={<ChartLegendContent />} />
          <Bar dataKey="amount" fill="var(--color-amount)" radius={4} />
          <Bar dataKey="weighted" fill="var(--color-weighted)" radius={4} />
        </BarChart>
      </ChartContainer>
      {others.length > 0 ? (
        <p className="text-xs text-muted-foreground">
          Deals in {others.join(', ')} are counted in the figures above, not in the chart.
        </p>
      ) : null}
    </>
  );
}
