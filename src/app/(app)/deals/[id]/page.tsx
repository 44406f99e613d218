import type { Metadata } from 'next';
import { DealPage } from '@/features/deals/deal-page';
import { idParam } from '@/schemas/common';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Deal' };

export default async function DealRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // A malformed id is answered by the page itself ("does not exist"), without asking the API.
  if (idParam.safeParse({ id }).success && (await rendersForMember())) {
    void serverApi.deals.get.prefetch({ id });
    void serverApi.pipelines.list.prefetch({});
  }
  return (
    <HydrateClient>
      <DealPage id={id} />
    </HydrateClient>
  );
}
