import type { Metadata } from 'next';
import { CustomerPage } from '@/features/customers/customer-page';
import { timelineParams } from '@/features/timeline/timeline-params';
import { idParam } from '@/schemas/common';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Customer' };

export default async function CustomerRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // A malformed id is answered by the page itself ("does not exist"), without asking the API.
  if (idParam.safeParse({ id }).success && (await rendersForMember())) {
    void serverApi.customers.get.prefetch({ id });
    void serverApi.timeline.list.prefetchInfinite(timelineParams('customer', id));
  }
  return (
    <HydrateClient>
      <CustomerPage id={id} />
    </HydrateClient>
  );
}
