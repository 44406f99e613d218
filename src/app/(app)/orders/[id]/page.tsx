import type { Metadata } from 'next';
import { uuidParam } from '@/lib/url-params';
import { OrderPage } from '@/features/orders/order-page';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Order' };

export default async function OrderRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (uuidParam(id) && (await rendersForMember())) {
    void serverApi.orders.get.prefetch({ id });
    void serverApi.orders.statusHistory.prefetch({ id });
  }
  return (
    <HydrateClient>
      <OrderPage id={id} />
    </HydrateClient>
  );
}
