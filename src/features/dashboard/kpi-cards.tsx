'use client';

import Link from 'next/link';
import { useCan } from '@/components/permissions-provider';
import { Skeleton } from '@/components/ui/skeleton';
import { formatMoney } from '@/lib/format';
import { api } from '@/trpc/react';
import { useTimeZone } from '@/features/tasks/use-time-zone';
import { formatCount, monthKey } from './dashboard-format';

interface KpiState<T> {
  isPending: boolean;
  isError: boolean;
  data: T | undefined;
}

/** A figure, its loading skeleton, or a dash when it could not be loaded. */
function Kpi<T>({
  label,
  query,
  value,
  hint,
  link,
}: {
  label: string;
  query: KpiState<T>;
  value: (data: T) => string;
  hint?: (data: T) => string | null;
  /** Where the figure's records are listed. */
  link?: { href: string; label: string };
}) {
  const note = query.data !== undefined && hint ? hint(query.data) : null;
  return (
    <div className="flex flex-col gap-1 rounded-xl border bg-card p-6 text-card-foreground shadow-sm">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold tracking-tight tabular-nums">
        {query.isPending ? (
          <>
            <span className="sr-only">Loading…</span>
            <Skeleton className="mt-1 h-7 w-24" aria-hidden="true" />
          </>
        ) : query.isError || query.data === undefined ? (
          '—'
        ) : (
          value(query.data)
        )}
      </dd>
      {query.isError ? (
        <dd className="text-xs text-destructive">Could not be loaded.</dd>
      ) : note ? (
        <dd className="text-xs text-muted-foreground">{note}</dd>
      ) : null}
      {link ? (
        <dd className="text-xs">
          <Link href={link.href} className="underline underline-offset-4">
            {link.label}
          </Link>
        </dd>
      ) : null}
    </div>
  );
}

/** This month's paid revenue in the first currency present, and the other currencies, if any. */
export function revenueThisMonth(
  rows: readonly { month: string; currency: string; totalCents: number }[],
  now = new Date(),
) {
  const current = rows.filter((row) => row.month === monthKey(now));
  const currency = current[0]?.currency;
  if (!currency) return null;
  const totalCents = current
    .filter((row) => row.currency === currency)
    .reduce((sum, row) => sum + row.totalCents, 0);
  const others = [...new Set(current.map((row) => row.currency))].filter((c) => c !== currency);
  return { currency, totalCents, others };
}

export function KpiCards() {
  const canSeeOrders = useCan('orders:read');
  const count = api.customers.count.useQuery({});
  const statuses = api.dashboard.customersByStatus.useQuery();
  const weeks = api.dashboard.newCustomersPerWeek.useQuery();
  const revenue = api.dashboard.revenuePerMonth.useQuery(undefined, { enabled: canSeeOrders });
  const timeZone = useTimeZone();
  const tasks = api.tasks.counts.useQuery({ timeZone });

  return (
    <section aria-labelledby="key-figures-heading">
      <h2 id="key-figures-heading" className="sr-only">
        Key figures
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
        <Kpi
          label="Customers"
          query={count}
          value={(data) => `${formatCount(data.count)}${data.capped ? '+' : ''}`}
        />
        <Kpi
          label="Active customers"
          query={statuses}
          value={(data) => formatCount(data.find((row) => row.status === 'active')?.count ?? 0)}
        />
        {canSeeOrders ? (
          <Kpi
            label="Revenue this month"
            query={revenue}
            value={(data) => {
              const month = revenueThisMonth(data);
              return month ? formatMoney(month.totalCents, month.currency) : '—';
            }}
            hint={(data) => {
              const month = revenueThisMonth(data);
              if (!month) return 'No paid orders yet this month.';
              return month.others.length ? `Plus revenue in ${month.others.join(', ')}.` : null;
            }}
          />
        ) : null}
        <Kpi
          label="New this week"
          query={weeks}
          value={(data) => formatCount(data.at(-1)?.count ?? 0)}
          hint={() => 'Customers added since Monday.'}
        />
        <Kpi
          label="My overdue tasks"
          query={tasks}
          value={(data) => formatCount(data.overdue)}
          link={{ href: '/tasks', label: 'See my tasks' }}
        />
      </dl>
    </section>
  );
}
