'use client';

import { ChevronDownIcon, XIcon } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ORDER_STATUSES, type OrderStatus } from '@/schemas/orders';
import { hasOrderFilters, type OrderFilters } from './list-params';
import { orderStatusLabel } from './order-status-badge';

/** Changes the search params in place, so a filtered view can be shared and reloaded. */
export function useReplaceSearchParams() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return useCallback(
    (change: (params: URLSearchParams) => void) => {
      const next = new URLSearchParams(searchParams.toString());
      change(next);
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );
}

export function OrderFiltersBar({
  filters,
  customerLabel,
}: {
  filters: OrderFilters;
  /** The name of the customer filtered by, once known. */
  customerLabel: string;
}) {
  const replace = useReplaceSearchParams();

  const toggleStatus = (status: OrderStatus, checked: boolean) =>
    replace((params) => {
      const chosen = new Set(params.getAll('status'));
      if (checked) chosen.add(status);
      else chosen.delete(status);
      params.delete('status');
      for (const item of ORDER_STATUSES) if (chosen.has(item)) params.append('status', item);
    });

  const setDate = (key: 'from' | 'to', value: string) =>
    replace((params) => {
      if (value) params.set(key, value);
      else params.delete(key);
    });

  return (
    <div className="flex flex-wrap items-end gap-4" role="group" aria-label="Filter orders">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" className="justify-between">
            Status
            {filters.status.length > 0 ? (
              <Badge variant="secondary">
                {filters.status.length}
                <span className="sr-only"> selected</span>
              </Badge>
            ) : null}
            <ChevronDownIcon aria-hidden="true" className="opacity-50" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>Show orders that are</DropdownMenuLabel>
          <DropdownMenuSeparator />
          {ORDER_STATUSES.map((status) => (
            <DropdownMenuCheckboxItem
              key={status}
              checked={filters.status.includes(status)}
              onCheckedChange={(checked) => toggleStatus(status, checked === true)}
              // Keep the menu open so several statuses can be picked in a row.
              onSelect={(event) => event.preventDefault()}
            >
              {orderStatusLabel(status)}
            </DropdownMenuCheckboxItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>

      <div className="grid gap-2">
        <Label htmlFor="orders-from">From</Label>
        <Input
          id="orders-from"
          type="date"
          className="w-40"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(event) => setDate('from', event.target.value)}
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="orders-to">To</Label>
        <Input
          id="orders-to"
          type="date"
          className="w-40"
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(event) => setDate('to', event.target.value)}
        />
      </div>

      {filters.customerId ? (
        <span className="inline-flex h-9 items-center gap-1 rounded-md border bg-secondary pr-1 pl-3 text-sm text-secondary-foreground">
          Customer: {customerLabel}
          <Button
            variant="ghost"
            size="icon"
            className="size-7"
            aria-label="Remove the customer filter"
            onClick={() => replace((params) => params.delete('customerId'))}
          >
            <XIcon aria-hidden="true" />
          </Button>
        </span>
      ) : null}

      {hasOrderFilters(filters) ? (
        <Button
          variant="ghost"
          onClick={() =>
            replace((params) => {
              for (const key of ['status', 'customerId', 'from', 'to']) params.delete(key);
            })
          }
        >
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
