'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { Skeleton } from '@/components/ui/skeleton';
import { api } from '@/trpc/react';
import { customerFilters, hasFilters, type CustomerListState } from './list-params';

const countFormat = new Intl.NumberFormat('en-US');

/** What the count says: "3+ customers match" when counting stopped before the end. */
export function countLabel(
  { count, capped }: { count: number; capped: boolean },
  filtered: boolean,
) {
  // Only a search counted among the newest customers can stop with none found.
  if (count === 0 && capped) return 'No match among the newest customers yet';
  const one = count === 1 && !capped;
  // Capped: counting stopped (at 10,000, or a search among the newest), so there may be more.
  const label = `${countFormat.format(count)}${capped ? '+' : ''} ${one ? 'customer' : 'customers'}`;
  return filtered ? `${label} ${one ? 'matches' : 'match'}` : label;
}

/** How many customers the list's filters match, announced as it changes. */
export function CustomerCount({ state }: { state: CustomerListState }) {
  const count = api.customers.count.useQuery(customerFilters(state), {
    placeholderData: keepPreviousData,
  });
  return (
    <div className="text-sm text-muted-foreground" aria-live="polite">
      {count.isSuccess ? (
        countLabel(count.data, hasFilters(state))
      ) : count.isError ? (
        'The number of customers could not be counted.'
      ) : (
        <Skeleton className="h-5 w-24" />
      )}
    </div>
  );
}
