'use client';

import { ChevronDownIcon } from 'lucide-react';
import { DateRangeFilter } from '@/components/date-range-filter';
import { FilterBar, FilterChip } from '@/components/filter-bar';
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
import { useReplaceSearchParams, useSetSearchParam } from '@/lib/use-replace-search-params';
import { ORDER_STATUSES, type OrderStatus } from '@/schemas/orders';
import { hasOrderFilters, type OrderFilters } from './list-params';
import { orderStatusLabel } from './order-status-badge';

const FILTER_KEYS = ['status', 'customerId', 'from', 'to'];

export function OrderFiltersBar({
  filters,
  customerLabel,
}: {
  filters: OrderFilters;
  /** The name of the customer filtered by, once known. */
  customerLabel: string;
}) {
  const replace = useReplaceSearchParams();
  const setParam = useSetSearchParam();

  const toggleStatus = (status: OrderStatus, checked: boolean) =>
    replace((params) => {
      const chosen = new Set(params.getAll('status'));
      if (checked) chosen.add(status);
      else chosen.delete(status);
      params.delete('status');
      for (const item of ORDER_STATUSES) if (chosen.has(item)) params.append('status', item);
    });

  return (
    <FilterBar
      label="Filter orders"
      onClear={
        hasOrderFilters(filters)
          ? () =>
              replace((params) => {
                for (const key of FILTER_KEYS) params.delete(key);
              })
          : undefined
      }
    >
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

      <DateRangeFilter idPrefix="orders" from={filters.from} to={filters.to} onChange={setParam} />

      {filters.customerId ? (
        <FilterChip
          removeLabel="Remove the customer filter"
          onRemove={() => setParam('customerId', undefined)}
        >
          Customer: {customerLabel}
        </FilterChip>
      ) : null}
    </FilterBar>
  );
}
