'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { ErrorState } from '@/components/error-state';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { customerName } from '@/lib/format';
import { api } from '@/trpc/react';
import { hasOrderFilters, orderFiltersFrom, orderListParams } from './list-params';
import { OrderFiltersBar } from './order-filters';
import { OrdersTable } from './orders-table';

export function OrdersView() {
  const searchParams = useSearchParams();
  const filters = useMemo(() => orderFiltersFrom(searchParams), [searchParams]);
  const filtered = hasOrderFilters(filters);

  const list = api.orders.list.useInfiniteQuery(orderListParams(filters), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const orders = list.data?.pages.flatMap((page) => page.items) ?? [];

  // The name for the "Customer: …" chip; an erased or deleted customer has none to show.
  const customer = api.customers.get.useQuery(
    { id: filters.customerId ?? '' },
    { enabled: Boolean(filters.customerId) },
  );
  const customerLabel = customer.data
    ? customerName(customer.data)
    : (orders.find((order) => order.customerId === filters.customerId)?.customerName ??
      (customer.isPending ? '…' : 'Unknown customer'));

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Orders" description="Every order of the organization." />

      <OrderFiltersBar filters={filters} customerLabel={customerLabel} />

      <section aria-labelledby="orders-list-heading" className="grid grid-cols-1 gap-4">
        <h2 id="orders-list-heading" className="sr-only">
          Order list
        </h2>
        {list.isPending ? (
          <div className="grid gap-2" role="status" aria-label="Loading orders">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : list.isError ? (
          <ErrorState
            what="The orders could not be loaded."
            error={list.error}
            retry={() => void list.refetch()}
          />
        ) : orders.length === 0 ? (
          <div className="rounded-lg border border-dashed bg-background p-10 text-center">
            {filtered ? (
              <p className="text-sm text-muted-foreground">
                <span className="block text-base font-medium text-foreground">
                  No orders match these filters.
                </span>{' '}
                Pick other statuses or a wider date range, or clear the filters.
              </p>
            ) : (
              <p className="text-sm text-muted-foreground">
                <span className="block text-base font-medium text-foreground">No orders yet.</span>{' '}
                Orders are created from a customer&apos;s page.
              </p>
            )}
          </div>
        ) : (
          <>
            <OrdersTable orders={orders} />
            {list.hasNextPage ? (
              <div className="flex justify-center">
                <Button
                  variant="outline"
                  onClick={() => void list.fetchNextPage()}
                  disabled={list.isFetchingNextPage}
                >
                  {list.isFetchingNextPage ? 'Loading…' : 'Load more orders'}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
