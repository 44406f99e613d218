'use client';

import { RecordLink } from '@/components/record-cells';
import { useCan } from '@/components/permissions-provider';
import { customerName } from '@/lib/format';
import type { TaskRelated } from '@/schemas/tasks';
import { api } from '@/trpc/react';
import { relatedHref, relatedKindLabel } from './task-related';

// Names change rarely; a list of tasks about the same records asks for each once a minute.
const NAME_FRESH_MS = 60_000;

/**
 * The name of the record a task is about, read with the record (batched with the other rows',
 * and shared with its page); undefined while it loads, or when it cannot be read.
 */
function useRelatedName({ type, id }: TaskRelated): string | undefined {
  const options = (kind: TaskRelated['type'], allowed: boolean) => ({
    enabled: type === kind && allowed,
    staleTime: NAME_FRESH_MS,
    retry: false,
  });
  const customer = api.customers.get.useQuery(
    { id },
    options('customer', useCan('customers:read')),
  );
  const company = api.companies.get.useQuery({ id }, options('company', useCan('companies:read')));
  const deal = api.deals.get.useQuery({ id }, options('deal', useCan('deals:read')));
  const order = api.orders.get.useQuery({ id }, options('order', useCan('orders:read')));
  switch (type) {
    case 'customer':
      return customer.data ? customerName(customer.data) : undefined;
    case 'company':
      return company.data?.name;
    case 'deal':
      return deal.data?.title;
    case 'order':
      return order.data ? `Order #${order.data.number}` : undefined;
  }
}

/** A link to the record a task is about, by its name, else by its kind ("Deal"). */
export function TaskRelatedLink({ related }: { related: TaskRelated }) {
  const name = useRelatedName(related);
  return (
    <RecordLink href={relatedHref(related)}>{name ?? relatedKindLabel(related.type)}</RecordLink>
  );
}
