'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
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
    getNextPageParam: nextPageCursor,
  });
  const orders = loadedItems(list.data);

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

      <PageSection id="orders-list-heading" title="Order list" hiddenTitle>
        <PagedList
          query={list}
          loading={{ label: 'Loading orders', count: 6 }}
          failure="The orders could not be loaded."
          empty={
            filtered ? (
              <EmptyState title="No orders match these filters.">
                Pick other statuses or a wider date range, or clear the filters.
              </EmptyState>
            ) : (
              <EmptyState title="No orders yet.">
                Orders are created from a customer&apos;s page.
              </EmptyState>
            )
          }
          moreLabel="Load more orders"
        >
          {(shown) => <OrdersTable orders={shown} />}
        </PagedList>
      </PageSection>
    </div>
  );
}
