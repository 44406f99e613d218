import type { Metadata } from 'next';
import { customerListParams, readListState } from '@/features/customers/list-params';
import { CustomersView } from '@/features/customers/customers-view';
import { toSearchParams } from '@/lib/url-params';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Customers' };

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = readListState(toSearchParams(await searchParams));
  if (await rendersForMember()) {
    void serverApi.customers.list.prefetchInfinite(customerListParams(state));
  }
  return (
    <HydrateClient>
      <CustomersView />
    </HydrateClient>
  );
}
