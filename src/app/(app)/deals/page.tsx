import type { Metadata } from 'next';
import { DealsView } from '@/features/deals/deals-view';
import { dealFiltersFrom, dealsViewMode } from '@/features/deals/list-params';
import { toSearchParams } from '@/lib/url-params';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Deals' };

export default async function DealsPage({
  searchParams,
}: {
  searchParams: Promise<{ [key: string]: string | string[] | undefined }>;
}) {
  const params = toSearchParams(await searchParams);
  if (await rendersForMember()) {
    void serverApi.pipelines.list.prefetch({});
    void serverApi.members.list.prefetch({});
    if (dealsViewMode(params.get('view')) === 'board') {
      void serverApi.deals.board.prefetch({ pipelineId: dealFiltersFrom(params).pipelineId });
    }
  }
  return (
    <HydrateClient>
      <DealsView />
    </HydrateClient>
  );
}
