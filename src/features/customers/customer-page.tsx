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
import type { Customer } from '@/schemas/customers';
import { customerName } from '@/lib/format';
import { isNotFound } from '@/lib/server-errors';
import { RelatedDeals } from '@/features/deals/related-deals';
import { api } from '@/trpc/react';
import { CustomerAudit } from './customer-audit';
import { CustomerDetails } from './customer-details';
import { CustomerOrders } from './customer-orders';
import { CustomerProfile } from './customer-profile';
import { CustomerTimeline } from './customer-timeline';

const TABS = ['timeline', 'deals', 'orders', 'audit', 'details'] as const;
type Tab = (typeof TABS)[number];

function CustomerCrumbs({ name }: { name: string }) {
  return <Breadcrumbs items={[{ label: 'Customers', href: '/customers' }, { label: name }]} />;
}

/** One customer: who they are, what happened with them, their orders and their audit trail. */
export function CustomerPage({ id }: { id: string }) {
  const customer = api.customers.get.useQuery({ id });

  if (customer.isPending) {
    return (
      <div className="grid grid-cols-1 gap-6" role="status" aria-label="Loading the customer">
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

  if (customer.isError) {
    if (isNotFound(customer.error)) {
      return (
        <div className="grid grid-cols-1 gap-6">
          <CustomerCrumbs name="Not found" />
          <PageHeader title="Customer not found" />
          <EmptyState
            title="This customer does not exist, or was deleted."
            action={
              <Button variant="outline" size="sm" asChild>
                <Link href="/customers">Back to customers</Link>
              </Button>
            }
          >
            Check the link, or find them in the list of customers.
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="grid grid-cols-1 gap-6">
        <CustomerCrumbs name="Customer" />
        <PageHeader title="Customer" />
        <ErrorState
          what="The customer could not be loaded."
          error={customer.error}
          retry={() => void customer.refetch()}
        />
      </div>
    );
  }

  return <CustomerSections customer={customer.data} />;
}

function CustomerSections({ customer }: { customer: Customer }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const canReadOrders = useCan('orders:read');
  const canReadAudit = useCan('audit:read');
  const canReadDeals = useCan('deals:read');
  const available = TABS.filter(
    (tab) =>
      (tab !== 'orders' || canReadOrders) &&
      (tab !== 'audit' || canReadAudit) &&
      (tab !== 'deals' || canReadDeals),
  );
  const requested = searchParams.get('tab');
  const tab: Tab = available.find((t) => t === requested) ?? 'timeline';

  // The open tab is kept in the URL, so a link (or the back button) returns to it. The
  // browser's history is enough for that: switching tabs needs nothing from the server.
  function selectTab(value: string) {
    const next = new URLSearchParams(searchParams);
    if (value === 'timeline') next.delete('tab');
    else next.set('tab', value);
    const query = next.toString();
    window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
  }

  return (
    <div className="grid grid-cols-1 gap-6">
      <CustomerCrumbs name={customerName(customer)} />
      <CustomerProfile customer={customer} />
      <Tabs value={tab} onValueChange={selectTab}>
        <TabsList className="h-auto max-w-full flex-wrap justify-start">
          <TabsTrigger value="timeline">Timeline</TabsTrigger>
          {canReadDeals ? <TabsTrigger value="deals">Deals</TabsTrigger> : null}
          {canReadOrders ? <TabsTrigger value="orders">Orders</TabsTrigger> : null}
          {canReadAudit ? <TabsTrigger value="audit">Audit</TabsTrigger> : null}
          <TabsTrigger value="details">Details</TabsTrigger>
        </TabsList>
        <TabsContent value="timeline">
          <CustomerTimeline customerId={customer.id} />
        </TabsContent>
        {canReadDeals ? (
          <TabsContent value="deals">
            <RelatedDeals customerId={customer.id} emptyText="No deals with this person yet." />
          </TabsContent>
        ) : null}
        {canReadOrders ? (
          <TabsContent value="orders">
            <CustomerOrders customerId={customer.id} />
          </TabsContent>
        ) : null}
        {canReadAudit ? (
          <TabsContent value="audit">
            <CustomerAudit customerId={customer.id} />
          </TabsContent>
        ) : null}
        <TabsContent value="details">
          <CustomerDetails customer={customer} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
