'use client';

import { Skeleton } from '@/components/ui/skeleton';
import { formatMoney } from '@/lib/format';
import { api } from '@/trpc/react';

/** What the company's paid orders add up to, per currency. */
export function CompanyRevenue({ companyId }: { companyId: string }) {
  const revenue = api.companies.revenue.useQuery({ id: companyId });
  return (
    <section
      aria-labelledby="revenue-heading"
      className="flex flex-wrap items-baseline gap-x-3 gap-y-1"
    >
      <h2 id="revenue-heading" className="text-sm font-medium text-muted-foreground">
        Paid revenue
      </h2>
      {revenue.isPending ? (
        <Skeleton className="h-5 w-24" />
      ) : revenue.isError ? (
        <p className="text-sm text-muted-foreground">could not be loaded.</p>
      ) : revenue.data.length === 0 ? (
        <p className="text-sm">None yet</p>
      ) : (
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {revenue.data.map((total) => (
            <li key={total.currency} className="text-sm">
              <span className="font-semibold tabular-nums">
                {formatMoney(total.paidCents, total.currency)}
              </span>{' '}
              <span className="text-muted-foreground">
                from {total.orderCount} {total.orderCount === 1 ? 'order' : 'orders'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
