'use client';

import Link from 'next/link';
import { ErrorState } from '@/components/error-state';
import { formatMoney } from '@/lib/format';
import { api } from '@/trpc/react';
import { CardSkeleton, DashboardCard, EmptyState } from './dashboard-card';
import { formatCount } from './dashboard-format';

export function TopCustomers() {
  const top = api.dashboard.topCustomers.useQuery();
  return (
    <DashboardCard title="Top customers" description="By revenue from paid orders.">
      {top.isPending ? (
        <CardSkeleton label="Loading top customers" kind="list" />
      ) : top.isError ? (
        <ErrorState
          what="The top customers could not be loaded."
          error={top.error}
          retry={() => void top.refetch()}
        />
      ) : top.data.length === 0 ? (
        <EmptyState
          title="No paid orders yet."
          hint="Customers are ranked here once their orders are marked as paid."
        />
      ) : (
        <ol className="divide-y">
          {top.data.map((customer) => (
            <li
              key={`${customer.customerId}-${customer.currency}`}
              className="flex items-center justify-between gap-4 py-3 first:pt-0 last:pb-0"
            >
              <div className="min-w-0">
                <Link
                  href={`/customers/${customer.customerId}`}
                  className="block truncate font-medium underline-offset-4 hover:underline"
                >
                  {customer.name || 'Unnamed customer'}
                </Link>
                <p className="truncate text-sm text-muted-foreground">
                  {customer.company ?? 'No company'}
                </p>
              </div>
              <div className="shrink-0 text-right">
                <p className="font-medium tabular-nums">
                  {formatMoney(customer.totalCents, customer.currency)}
                </p>
                <p className="text-sm text-muted-foreground">
                  {customer.orders === 1 ? '1 order' : `${formatCount(customer.orders)} orders`}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </DashboardCard>
  );
}
