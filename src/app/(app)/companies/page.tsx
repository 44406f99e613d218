import type { Metadata } from 'next';
import { CompaniesView } from '@/features/companies/companies-view';
import { companyListParams, readListState } from '@/features/companies/list-params';
import { toSearchParams } from '@/lib/url-params';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Companies' };

export default async function CompaniesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = readListState(toSearchParams(await searchParams));
  if (await rendersForMember()) {
    void serverApi.companies.list.prefetchInfinite(companyListParams(state));
  }
  return (
    <HydrateClient>
      <CompaniesView />
    </HydrateClient>
  );
}
