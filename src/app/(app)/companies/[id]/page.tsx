import type { Metadata } from 'next';
import { CompanyPage } from '@/features/companies/company-page';
import { companyPeopleParams } from '@/features/companies/list-params';
import { idParam } from '@/schemas/common';
import { HydrateClient, rendersForMember, serverApi } from '@/trpc/server';

export const metadata: Metadata = { title: 'Company' };

export default async function CompanyRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // A malformed id is answered by the page itself ("does not exist"), without asking the API.
  if (idParam.safeParse({ id }).success && (await rendersForMember())) {
    void serverApi.companies.get.prefetch({ id });
    void serverApi.companies.customers.prefetchInfinite(companyPeopleParams(id));
  }
  return (
    <HydrateClient>
      <CompanyPage id={id} />
    </HydrateClient>
  );
}
