'use client';

import { useCan } from '@/components/permissions-provider';
import {
  RecordNotFound,
  RecordPageFrame,
  RecordQueryState,
  RecordTabsSkeleton,
} from '@/components/record-page';
import { UrlTabs, useUrlTabs } from '@/components/url-tabs';
import type { Customer } from '@/schemas/customers';
import { customerName } from '@/lib/format';
import { RelatedDeals } from '@/features/deals/related-deals';
import { OpenTasks } from '@/features/tasks/open-tasks';
import { api } from '@/trpc/react';
import { CustomerAudit } from './customer-audit';
import { CustomerDetails } from './customer-details';
import { CustomerOrders } from './customer-orders';
import { CustomerProfile } from './customer-profile';
import { CustomerTimeline } from './customer-timeline';

const CUSTOMERS = { label: 'Customers', href: '/customers' };

/** One customer: who they are, what happened with them, their orders and their audit trail. */
export function CustomerPage({ id }: { id: string }) {
  const customer = api.customers.get.useQuery({ id });
  return (
    <RecordQueryState
      query={customer}
      list={CUSTOMERS}
      title="Customer"
      failure="The customer could not be loaded."
      loading={<RecordTabsSkeleton label="Loading the customer" />}
      notFound={
        <RecordNotFound
          list={CUSTOMERS}
          title="Customer not found"
          message="This customer does not exist, or was deleted."
          hint="Check the link, or find them in the list of customers."
        />
      }
    >
      {(data) => <CustomerSections customer={data} />}
    </RecordQueryState>
  );
}

function CustomerSections({ customer }: { customer: Customer }) {
  const canReadOrders = useCan('orders:read');
  const canReadAudit = useCan('audit:read');
  const canReadDeals = useCan('deals:read');
  const tabs = useUrlTabs([
    {
      value: 'timeline',
      label: 'Timeline',
      content: <CustomerTimeline customerId={customer.id} />,
    },
    canReadDeals && {
      value: 'deals',
      label: 'Deals',
      content: <RelatedDeals customerId={customer.id} emptyText="No deals with this person yet." />,
    },
    canReadOrders && {
      value: 'orders',
      label: 'Orders',
      content: <CustomerOrders customerId={customer.id} />,
    },
    canReadAudit && {
      value: 'audit',
      label: 'Audit',
      content: <CustomerAudit customerId={customer.id} />,
    },
    { value: 'details', label: 'Details', content: <CustomerDetails customer={customer} /> },
  ]);

  return (
    <RecordPageFrame list={CUSTOMERS} crumb={customerName(customer)}>
      <CustomerProfile customer={customer} />
      <OpenTasks related={{ type: 'customer', id: customer.id }} />
      <UrlTabs {...tabs} />
    </RecordPageFrame>
  );
}
