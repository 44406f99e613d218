import type { Metadata } from 'next';
import { orderFiltersFrom, orderListParams } from '@/features/orders/list-params';
import { OrdersView } from '@/features/orders/orders-view';
import { toSearchParams } from '@/lib/url-params';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Orders' };

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = orderFiltersFrom(toSearchParams(await searchParams));
  // Dates are days in the browser's time zone, unknown here; such a view loads in the browser.
  if (!filters.from && !filters.to && (await rendersForMember())) {
    void serverApi.orders.list.prefetchInfinite(orderListParams(filters));
    if (filters.customerId) void serverApi.customers.get.prefetch({ id: filters.customerId });
  }
  return (
    <HydrateClient>
      <OrdersView />
    </HydrateClient>
  );
}
