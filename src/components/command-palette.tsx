'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { ArrowRightIcon, SearchIcon, UserIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
} from '@/components/ui/command';
import { useCan } from '@/components/permissions-provider';
import { customerName } from '@/lib/format';
import { api } from '@/trpc/react';
import type { NavItem } from './main-nav';

const SEARCH_DELAY_MS = 200;
const MIN_SEARCH_LENGTH = 2;

/** Ctrl/⌘-K: jump to a page or find a customer by name, e-mail or company. */
export function CommandPalette({ pages }: { pages: NavItem[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [term, setTerm] = useState('');
  const [query, setQuery] = useState('');
  const canReadCustomers = useCan('customers:read');

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setOpen((wasOpen) => !wasOpen);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(term.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term]);

  const searching = canReadCustomers && query.length >= MIN_SEARCH_LENGTH;
  const customers = api.customers.list.useQuery(
    { q: query, limit: 8 },
    { enabled: open && searching, placeholderData: keepPreviousData },
  );
  const needle = term.trim().toLowerCase();
  const matchingPages = pages.filter((page) => page.label.toLowerCase().includes(needle));
  const found = searching ? (customers.data?.items ?? []) : [];

  function go(href: string) {
    setOpen(false);
    setTerm('');
    router.push(href);
  }

  return (
    <>
      <Button
        variant="outline"
        size="sm"
        className="text-muted-foreground"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
      >
        <SearchIcon aria-hidden="true" />
        <span className="hidden lg:inline">Search…</span>
        <span className="sr-only lg:hidden">Search</span>
        <kbd className="hidden rounded border bg-muted px-1.5 font-mono text-[10px] lg:inline">
          Ctrl K
        </kbd>
      </Button>
      <CommandDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setTerm('');
        }}
        title="Search"
        description="Find a customer or go to a page."
        commandProps={{ shouldFilter: false, loop: true }}
      >
        <CommandInput
          placeholder={canReadCustomers ? 'Find a customer or a page…' : 'Go to a page…'}
          value={term}
          onValueChange={setTerm}
          maxLength={200}
        />
        <CommandList>
          <CommandEmpty>
            {searching && customers.isFetching ? 'Searching…' : 'Nothing matches.'}
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
    </>
  );
}
