'use client';

import { useId, useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { QueryState } from '@/components/query-state';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Skeleton } from '@/components/ui/skeleton';
import { formatSums } from '@/features/deals/deal-money';
import type { PipelineFigures } from '@/schemas/dashboard';
import { api } from '@/trpc/react';
import { CardEmptyState, ChartLoading, DashboardCard } from './dashboard-card';
import { formatCount } from './dashboard-format';

// The chart's code (recharts) loads after the page is shown: the card and a skeleton come first.
const OpenValueBars = dynamic(
  () => import('./open-value-bars').then((module) => module.OpenValueBars),
  { ssr: false, loading: ChartLoading },
);

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
