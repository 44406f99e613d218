'use client';

import Link from 'next/link';
import { formatMoney } from '@/lib/format';
import { api } from '@/trpc/react';
import { QueryCard } from './dashboard-card';
import { formatCount } from './dashboard-format';

export function TopCustomers() {
  const top = api.dashboard.topCustomers.useQuery();
  return (
    <QueryCard
      title="Top customers"
      description="By revenue from paid orders."
      query={top}
      failure="The top customers could not be loaded."
      isEmpty={(customers) => customers.length === 0}
      empty={{
        title: 'No paid orders yet.',
        hint: 'Customers are ranked here once their orders are marked as paid.',
      }}
    >
      {(customers) => (
        <ol className="divide-y">
          {customers.map((customer) => (
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
    </QueryCard>
  );
}
