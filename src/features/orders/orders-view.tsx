'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { DownloadIcon } from 'lucide-react';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { PagedList } from '@/components/paged-list';
import { PageSection } from '@/components/page-section';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { OrderCreateDialog } from '@/features/customers/order-create-dialog';
import { SavedViewsBar } from '@/features/views/saved-views-bar';
import { loadedItems, nextPageCursor } from '@/lib/cursor-pages';
import { customerName } from '@/lib/format';
import { useListUrl } from '@/lib/use-list-url';
import { useNewRecordParam } from '@/lib/use-new-record-param';
import { api } from '@/trpc/react';
import {
  hasOrderFilters,
  ORDER_LIST_URL,
  orderExportHref,
  orderListParams,
  orderViewQuery,
  type OrderFilters,
} from './list-params';
import { OrderFiltersBar } from './order-filters';
import { OrdersTable } from './orders-table';

export function OrdersView() {
  const { state: filters, term, setTerm, changeFilters, clearFilters } = useListUrl(ORDER_LIST_URL);

  // While another filter loads, the previous result stays on screen instead of a skeleton.
  const list = api.orders.list.useInfiniteQuery(orderListParams(filters), {
    getNextPageParam: nextPageCursor,
    placeholderData: keepPreviousData,
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
      <OrdersHeader filters={filters} />

      <SavedViewsBar list="orders" plainLabel="All orders" canonicalQuery={orderViewQuery} />

      <OrderFiltersBar
        filters={filters}
        term={term}
        onTermChange={setTerm}
        onChange={changeFilters}
        onClear={clearFilters}
        customerLabel={customerLabel}
      />

      <PageSection id="orders-list-heading" title="Order list" hiddenTitle>
        <PagedList
          query={list}
          loading={{ label: 'Loading orders', count: 6 }}
          failure="The orders could not be loaded."
          empty={<NoOrders filters={filters} onClearFilters={clearFilters} />}
          moreLabel="Load more orders"
          stale={list.isPlaceholderData}
        >
          {(shown) => <OrdersTable orders={shown} />}
        </PagedList>
      </PageSection>
    </div>
  );
}

/** The title, the CSV download of what the list shows, and "New order" (also ?new=order). */
function OrdersHeader({ filters }: { filters: OrderFilters }) {
  const canCreate = useCan('orders:write');
  const canExport = useCan('data:export');
  const asks = useNewRecordParam('order');

  return (
    <PageHeader
      title="Orders"
      description="Every order of the organization."
      actions={
        <>
          {canExport ? (
            <Button variant="outline" asChild>
              <a href={orderExportHref(filters)} download>
                <DownloadIcon aria-hidden="true" />
                Export CSV
              </a>
            </Button>
          ) : null}
          {canCreate ? <OrderCreateDialog key={asks} initiallyOpen={asks > 0} /> : null}
        </>
      }
    />
  );
}

/** Why the list is empty: nothing matches the search or the filters, or there is no order yet. */
function NoOrders({
  filters,
  onClearFilters,
}: {
  filters: OrderFilters;
  onClearFilters: () => void;
}) {
  const canCreate = useCan('orders:write');
  const filtered = hasOrderFilters(filters);
  return (
    <EmptyState
      title={
        filters.q
          ? `No orders match “${filters.q}”.`
          : filtered
            ? 'No orders match these filters.'
            : 'No orders yet.'
      }
      action={
        filtered ? (
          <Button variant="outline" size="sm" onClick={onClearFilters}>
            Clear filters
          </Button>
        ) : null
      }
    >
      {filters.q
        ? 'Check the order number or the spelling of the name, or clear the filters.'
        : filtered
          ? 'Pick other statuses, a wider date range or other totals, or clear the filters.'
          : canCreate
            ? 'Create one with “New order”, or from a customer’s page.'
            : 'Orders your team creates will appear here.'}
    </EmptyState>
  );
}
