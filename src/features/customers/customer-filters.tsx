'use client';

import { ChevronDownIcon, SearchIcon } from 'lucide-react';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  type CustomerSort,
  type CustomerStatus,
} from '@/schemas/customer-constants';
import { customerStatusLabel } from './customer-status-badge';
import {
  DEFAULT_ORDER,
  MAX_SEARCH_LENGTH,
  orderLabel,
  SORT_LABELS,
  type CustomerListState,
  type SortOrder,
} from './list-params';

/**
 * Search, status, sort and direction of the customers list. The parent keeps them in the URL;
 * the search term is passed separately because it is typed before it is applied.
 */
export function CustomerFilters({
  state,
  term,
  onTermChange,
  onChange,
}: {
  state: CustomerListState;
  term: string;
  onTermChange: (term: string) => void;
  onChange: (next: Partial<CustomerListState>) => void;
}) {
  const ids = { search: useId(), sort: useId(), order: useId() };

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid w-full max-w-sm gap-2">
        <Label htmlFor={ids.search} className="sr-only">
          Search customers
        </Label>
        <div className="relative">
          <SearchIcon
            className="pointer-events-none absolute top-2.5 left-3 size-4 text-muted-foreground"
            aria-hidden="true"
          />
          <Input
            id={ids.search}
            type="search"
            placeholder="Search by name, e-mail or company"
            className="pl-9"
            maxLength={MAX_SEARCH_LENGTH}
            value={term}
            onChange={(event) => onTermChange(event.target.value)}
          />
        </div>
      </div>

      <StatusFilter chosen={state.status} onChange={(status) => onChange({ status })} />

      <div className="grid gap-2">
        <Label htmlFor={ids.sort}>Sort by</Label>
        <NativeSelect
          id={ids.sort}
          className="w-36"
          value={state.sort}
          onChange={(event) => {
            const sort = event.target.value as CustomerSort;
            onChange({ sort, order: DEFAULT_ORDER[sort] });
          }}
        >
          {CUSTOMER_SORTS.filter((sort) => sort !== 'relevance' || state.q).map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </NativeSelect>
      </div>

      <div className="grid gap-2">
        <Label htmlFor={ids.order}>Direction</Label>
        <NativeSelect
          id={ids.order}
          className="w-36"
          value={state.order}
          onChange={(event) => onChange({ order: event.target.value as SortOrder })}
        >
          {(['desc', 'asc'] as const).map((order) => (
            <option key={order} value={order}>
              {orderLabel(state.sort, order)}
            </option>
          ))}
        </NativeSelect>
      </div>
    </div>
  );
}

/** Which statuses the list shows: all of them when none is chosen. */
function StatusFilter({
  chosen,
  onChange,
}: {
  chosen: CustomerStatus[];
  onChange: (statuses: CustomerStatus[]) => void;
}) {
  function toggleStatus(status: CustomerStatus, checked: boolean) {
    const next = new Set(chosen);
    if (checked) next.add(status);
    else next.delete(status);
    onChange(CUSTOMER_STATUSES.filter((s) => next.has(s)));
  }

  const statusSummary =
    chosen.length === 0
      ? 'All'
      : chosen.length <= 2
        ? chosen.map(customerStatusLabel).join(', ')
        : `${chosen.length} selected`;

  return (
    <div className="grid gap-2">
      <span className="text-sm font-medium" aria-hidden="true">
        Status
      </span>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" className="justify-between font-normal">
            <span>
              <span className="sr-only">Status: </span>
              {statusSummary}
            </span>
            <ChevronDownIcon aria-hidden="true" className="opacity-50" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>Show customers who are</DropdownMenuLabel>
          {CUSTOMER_STATUSES.map((status) => (
            <DropdownMenuCheckboxItem
              key={status}
              checked={chosen.includes(status)}
              onCheckedChange={(checked) => toggleStatus(status, checked)}
              // Stay open, so several statuses can be picked in one go.
              onSelect={(event) => event.preventDefault()}
            >
              {customerStatusLabel(status)}
            </DropdownMenuCheckboxItem>
          ))}
          {chosen.length > 0 ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => onChange([])}>Show all statuses</DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
