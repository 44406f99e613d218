'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { ArrowRightIcon, Building2Icon, HandshakeIcon, PlusIcon, UserIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
} from '@/components/ui/command';
import { useCan } from '@/components/permissions-provider';
import { customerName, formatMoney } from '@/lib/format';
import { api } from '@/trpc/react';
import type { NavItem } from './main-nav';

const SEARCH_DELAY_MS = 200;

/** What the palette can start, on the page that does it. */
const ACTIONS = [{ label: 'New task', href: '/tasks?new=task', needs: 'tasks:write' }] as const;
const MIN_SEARCH_LENGTH = 2;

export function CommandPaletteDialog({
  pages,
  open,
  onOpenChange,
}: {
  pages: NavItem[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const [term, setTerm] = useState('');
  const [query, setQuery] = useState('');
  const canReadCustomers = useCan('customers:read');
  const canReadCompanies = useCan('companies:read');
  const canReadDeals = useCan('deals:read');
  const canCreateTasks = useCan('tasks:write');

  useEffect(() => {
    const timer = setTimeout(() => setQuery(term.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term]);

  const searchable = query.length >= MIN_SEARCH_LENGTH;
  const searching = canReadCustomers && searchable;
  const searchingCompanies = canReadCompanies && searchable;
  const searchingDeals = canReadDeals && searchable;
  const customers = api.customers.list.useQuery(
    { q: query, limit: 8 },
    { enabled: open && searching, placeholderData: keepPreviousData },
  );
  const companies = api.companies.list.useQuery(
    { q: query, limit: 5, sort: 'name', order: 'asc' },
    { enabled: open && searchingCompanies, placeholderData: keepPreviousData },
  );
  const deals = api.deals.list.useQuery(
    { q: query, limit: 5 },
    { enabled: open && searchingDeals, placeholderData: keepPreviousData },
  );
  const needle = term.trim().toLowerCase();
  const matchingPages = pages.filter((page) => page.label.toLowerCase().includes(needle));
  const matchingActions = ACTIONS.filter(
    (action) =>
      (action.needs !== 'tasks:write' || canCreateTasks) &&
      action.label.toLowerCase().includes(needle),
  );
  const found = searching ? (customers.data?.items ?? []) : [];
  const foundCompanies = searchingCompanies ? (companies.data?.items ?? []) : [];
  const foundDeals = searchingDeals ? (deals.data?.items ?? []) : [];

  function close() {
    onOpenChange(false);
    setTerm('');
  }

  function go(href: string) {
    close();
    router.push(href);
  }

  return (
    <CommandDialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title="Search"
      description="Find a customer, a company or a deal, or go to a page."
      commandProps={{ shouldFilter: false, loop: true }}
    >
      <CommandInput
        placeholder={
          canReadCustomers ? 'Find a customer, a company, a deal or a page…' : 'Go to a page…'
        }
        value={term}
        onValueChange={setTerm}
        maxLength={200}
      />
      <CommandList>
        <CommandEmpty>
          {(searching && customers.isFetching) ||
          (searchingCompanies && companies.isFetching) ||
          (searchingDeals && deals.isFetching)
            ? 'Searching…'
            : 'Nothing matches.'}
        </CommandEmpty>
        {found.length > 0 ? (
          <CommandGroup heading="Customers">
            {found.map((customer) => (
              <CommandItem
                key={customer.id}
                value={`customer-${customer.id}`}
                onSelect={() => go(`/customers/${customer.id}`)}
              >
                <UserIcon aria-hidden="true" />
                <span className="truncate">{customerName(customer)}</span>
                {customer.company || customer.email ? (
                  <span className="ml-auto truncate text-xs text-muted-foreground">
                    {customer.company || customer.email}
                  </span>
                ) : null}
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
        {foundCompanies.length > 0 ? (
          <CommandGroup heading="Companies">
            {foundCompanies.map((company) => (
              <CommandItem
                key={company.id}
                value={`company-${company.id}`}
                onSelect={() => go(`/companies/${company.id}`)}
              >
                <Building2Icon aria-hidden="true" />
                <span className="truncate">{company.name}</span>
                {company.domain ? (
                  <span className="ml-auto truncate text-xs text-muted-foreground">
                    {company.domain}
                  </span>
                ) : null}
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
        {foundDeals.length > 0 ? (
          <CommandGroup heading="Deals">
            {foundDeals.map((deal) => (
              <CommandItem
                key={deal.id}
                value={`deal-${deal.id}`}
                onSelect={() => go(`/deals/${deal.id}`)}
              >
                <HandshakeIcon aria-hidden="true" />
                <span className="truncate">{deal.title}</span>
                <span className="ml-auto text-xs text-muted-foreground tabular-nums">
                  {formatMoney(deal.amountCents, deal.currency)}
                </span>
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
        {matchingActions.length > 0 ? (
          <CommandGroup heading="Actions">
            {matchingActions.map((action) => (
              <CommandItem
                key={action.href}
                value={`action-${action.href}`}
                onSelect={() => go(action.href)}
              >
                <PlusIcon aria-hidden="true" />
                {action.label}
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
        {matchingPages.length > 0 ? (
          <CommandGroup heading="Pages">
            {matchingPages.map((page) => (
              <CommandItem
                key={page.href}
                value={`page-${page.href}`}
                onSelect={() => go(page.href)}
              >
                <ArrowRightIcon aria-hidden="true" />
                {page.label}
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
      </CommandList>
    </CommandDialog>
  );
}
