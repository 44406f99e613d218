'use client';

import { useId, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { QueryState } from '@/components/query-state';
import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  chartColor,
  type ChartConfig,
} from '@/components/ui/chart';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Skeleton } from '@/components/ui/skeleton';
import { formatSums } from '@/features/deals/deal-money';
import { formatMoney } from '@/lib/format';
import type { PipelineFigures } from '@/schemas/dashboard';
import type { DealBoard } from '@/schemas/deals';
import { api } from '@/trpc/react';
import { CardEmptyState, DashboardCard } from './dashboard-card';
import { formatCompactMoney, formatCount, toMajorUnits, toMinorUnits } from './dashboard-format';

const WINDOWS = [
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
] as const;

/**
 * The window ending tonight at midnight (the browser's), whole days back: the same all day, so
 * the figures are not asked for again at every render.
 */
export function windowOf(days: number, now = new Date()) {
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const from = new Date(to.getFullYear(), to.getMonth(), to.getDate() - days);
  return { from, to };
}

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const days = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Open value by stage, won this month, and the win rate and time to close over a window. */
export function PipelineCard() {
  const windowId = useId();
  const [windowDays, setWindowDays] = useState<number>(90);
  const range = useMemo(() => windowOf(windowDays), [windowDays]);
  const figures = api.dashboard.pipeline.useQuery(range);
  const board = api.deals.board.useQuery({ perStage: 0 });
  const windowLabel = WINDOWS.find((item) => item.days === windowDays)?.label ?? '';

  return (
    <DashboardCard
      title="Pipeline"
      description="Open deals of the default pipeline by stage, what was won, and how deals closed."
      className="lg:col-span-2"
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-2">
          <Label htmlFor={windowId}>Closed deals in</Label>
          <NativeSelect
            id={windowId}
            className="w-44"
            value={String(windowDays)}
            onChange={(event) => setWindowDays(Number(event.target.value))}
          >
            {WINDOWS.map((item) => (
              <option key={item.days} value={item.days}>
                {item.label}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      <PipelineFiguresList figures={figures} windowLabel={windowLabel} />
      <QueryState
        query={board}
        loading={{ label: 'Loading open value by stage', shape: 'chart' }}
        failure="Open value by stage could not be loaded."
        isEmpty={(data) => data.stages.every((stage) => stage.kind !== 'open' || stage.count === 0)}
        empty={
          <CardEmptyState
            title="No open deals."
            hint="Deals on the board appear here by stage, as they are and weighted by their chance of winning."
          />
        }
      >
        {(data) => <OpenValueBars board={data} />}
      </QueryState>
    </DashboardCard>
  );
}

function PipelineFiguresList({
  figures,
  windowLabel,
}: {
  figures: { isPending: boolean; isError: boolean; data: PipelineFigures | undefined };
  windowLabel: string;
}) {
  const data = figures.data;
  const value = (shown: (data: PipelineFigures) => string) =>
    figures.isPending ? (
      <>
        <span className="sr-only">Loading…</span>
        <Skeleton className="mt-1 h-6 w-20" aria-hidden="true" />
      </>
    ) : figures.isError || !data ? (
      '—'
    ) : (
      shown(data)
    );
  return (
    <>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Figure label="Open value">
          {value((d) => formatSums(d.open.totals, 'amountCents', formatCount(0)))}
        </Figure>
        <Figure label="Open value, weighted">
          {value((d) => formatSums(d.open.totals, 'weightedAmountCents', formatCount(0)))}
        </Figure>
        <Figure label="Won this month">
          {value((d) => formatSums(d.wonThisMonth.totals, 'amountCents', formatCount(0)))}
        </Figure>
        <Figure label={`Win rate, ${windowLabel.toLowerCase()}`}>
          {value((d) =>
            d.winRate.rate === null
              ? '—'
              : `${percent.format(d.winRate.rate)} (${d.winRate.won} of ${d.winRate.won + d.winRate.lost})`,
          )}
        </Figure>
        <Figure label={`Average time to win, ${windowLabel.toLowerCase()}`}>
          {value((d) =>
            d.averageDaysToClose === null
              ? '—'
              : `${days.format(d.averageDaysToClose)} ${d.averageDaysToClose === 1 ? 'day' : 'days'}`,
          )}
        </Figure>
      </dl>
      {figures.isError ? (
        <p className="text-xs text-destructive">The pipeline figures could not be loaded.</p>
      ) : null}
    </>
  );
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid content-start gap-1 rounded-lg border p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-lg font-semibold tracking-tight break-words tabular-nums">{children}</dd>
    </div>
  );
}

const config: ChartConfig = {
  amount: { label: 'Amount', color: chartColor(0) },
  weighted: { label: 'Weighted', color: chartColor(1) },
};

/** Each open stage's value, as is and weighted, in the currency most of the value is in. */
function OpenValueBars({ board }: { board: DealBoard }) {
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
