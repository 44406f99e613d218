'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { PageHeader } from '@/components/page-header';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { isNotFound } from '@/lib/server-errors';
import type { Company } from '@/schemas/companies';
import { RelatedDeals } from '@/features/deals/related-deals';
import { api } from '@/trpc/react';
import { CompanyDetails } from './company-details';
import { CompanyOrders } from './company-orders';
import { CompanyPeople } from './company-people';
import { CompanyProfile } from './company-profile';
import { CompanyTimeline } from './company-timeline';

const TABS = ['people', 'deals', 'timeline', 'orders', 'details'] as const;
type Tab = (typeof TABS)[number];

function CompanyCrumbs({ name }: { name: string }) {
  return <Breadcrumbs items={[{ label: 'Companies', href: '/companies' }, { label: name }]} />;
}

/** One company: who works there, its deals, what happened with them, their orders and revenue. */
export function CompanyPage({ id }: { id: string }) {
  const company = api.companies.get.useQuery({ id });

  if (company.isPending) {
    return (
      <div className="grid grid-cols-1 gap-6" role="status" aria-label="Loading the company">
        <Skeleton className="h-5 w-28" />
        <div className="grid gap-2">
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-4 w-40" />
        </div>
        <Skeleton className="h-9 w-80" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }

  if (company.isError) {
    if (isNotFound(company.error)) {
      return (
        <div className="grid grid-cols-1 gap-6">
          <CompanyCrumbs name="Not found" />
          <PageHeader title="Company not found" />
          <EmptyState
            title="This company does not exist, or was deleted."
            action={
              <Button variant="outline" size="sm" asChild>
                <Link href="/companies">Back to companies</Link>
              </Button>
            }
          >
            Check the link, or find it in the list of companies.
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="grid grid-cols-1 gap-6">
        <CompanyCrumbs name="Company" />
        <PageHeader title="Company" />
        <ErrorState
          what="The company could not be loaded."
          error={company.error}
          retry={() => void company.refetch()}
        />
      </div>
    );
  }

  return <CompanySections company={company.data} />;
}

function CompanySections({ company }: { company: Company }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const canReadOrders = useCan('orders:read');
  const canReadDeals = useCan('deals:read');
  const available = TABS.filter(
    (tab) => (tab !== 'orders' || canReadOrders) && (tab !== 'deals' || canReadDeals),
  );
  const requested = searchParams.get('tab');
  const tab: Tab = available.find((t) => t === requested) ?? 'people';

  // The open tab is kept in the URL, so a link (or the back button) returns to it.
  function selectTab(value: string) {
    const next = new URLSearchParams(searchParams);
    if (value === 'people') next.delete('tab');
    else next.set('tab', value);
    const query = next.toString();
    window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
  }

  return (
    <div className="grid grid-cols-1 gap-6">
      <CompanyCrumbs name={company.name} />
      <CompanyProfile company={company} onMerged={() => selectTab('people')} />
      <Tabs value={tab} onValueChange={selectTab}>
        <TabsList className="h-auto max-w-full flex-wrap justify-start">
          <TabsTrigger value="people">People</TabsTrigger>
          {canReadDeals ? <TabsTrigger value="deals">Deals</TabsTrigger> : null}
          <TabsTrigger value="timeline">Timeline</TabsTrigger>
          {canReadOrders ? <TabsTrigger value="orders">Orders</TabsTrigger> : null}
          <TabsTrigger value="details">Details</TabsTrigger>
        </TabsList>
        <TabsContent value="people">
          <CompanyPeople company={company} />
        </TabsContent>
        {canReadDeals ? (
          <TabsContent value="deals">
            <RelatedDeals companyId={company.id} emptyText="No deals with this company yet." />
          </TabsContent>
        ) : null}
        <TabsContent value="timeline">
          <CompanyTimeline companyId={company.id} />
        </TabsContent>
        {canReadOrders ? (
          <TabsContent value="orders">
            <CompanyOrders companyId={company.id} />
          </TabsContent>
        ) : null}
        <TabsContent value="details">
          <CompanyDetails company={company} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
