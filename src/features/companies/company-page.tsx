'use client';

import { useCan } from '@/components/permissions-provider';
import {
  RecordNotFound,
  RecordPageFrame,
  RecordQueryState,
  RecordTabsSkeleton,
} from '@/components/record-page';
import { UrlTabs, useUrlTabs } from '@/components/url-tabs';
import type { Company } from '@/schemas/companies';
import { RelatedDeals } from '@/features/deals/related-deals';
import { OpenTasks } from '@/features/tasks/open-tasks';
import { api } from '@/trpc/react';
import { CompanyDetails } from './company-details';
import { CompanyOrders } from './company-orders';
import { CompanyPeople } from './company-people';
import { CompanyProfile } from './company-profile';
import { CompanyTimeline } from './company-timeline';

const COMPANIES = { label: 'Companies', href: '/companies' };

/** One company: who works there, its deals, what happened with them, their orders and revenue. */
export function CompanyPage({ id }: { id: string }) {
  const company = api.companies.get.useQuery({ id });
  return (
    <RecordQueryState
      query={company}
      list={COMPANIES}
      title="Company"
      failure="The company could not be loaded."
      loading={<RecordTabsSkeleton label="Loading the company" />}
      notFound={
        <RecordNotFound
          list={COMPANIES}
          title="Company not found"
          message="This company does not exist, or was deleted."
          hint="Check the link, or find it in the list of companies."
        />
      }
    >
      {(data) => <CompanySections company={data} />}
    </RecordQueryState>
  );
}

function CompanySections({ company }: { company: Company }) {
  const canReadOrders = useCan('orders:read');
  const canReadDeals = useCan('deals:read');
  const tabs = useUrlTabs([
    { value: 'people', label: 'People', content: <CompanyPeople company={company} /> },
    canReadDeals && {
      value: 'deals',
      label: 'Deals',
      content: <RelatedDeals companyId={company.id} emptyText="No deals with this company yet." />,
    },
    { value: 'timeline', label: 'Timeline', content: <CompanyTimeline companyId={company.id} /> },
    canReadOrders && {
      value: 'orders',
      label: 'Orders',
      content: <CompanyOrders companyId={company.id} />,
    },
    { value: 'details', label: 'Details', content: <CompanyDetails company={company} /> },
  ]);

  return (
    <RecordPageFrame list={COMPANIES} crumb={company.name}>
      <CompanyProfile company={company} onMerged={() => tabs.select('people')} />
      <OpenTasks related={{ type: 'company', id: company.id }} />
      <UrlTabs {...tabs} />
    </RecordPageFrame>
  );
}
