'use client';

import { ChevronDownIcon } from 'lucide-react';
import { useId } from 'react';
import { ChecklistMenu } from '@/components/checklist-menu';
import { SearchBox, SortFields } from '@/components/list-controls';
import { TagFilter } from '@/components/tag-filter';
import { Button } from '@/components/ui/button';
import { DropdownMenuItem, DropdownMenuSeparator } from '@/components/ui/dropdown-menu';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { OwnerFilter } from '@/features/members/owner-filter';
import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  type CustomerStatus,
} from '@/schemas/customer-constants';
import { customerStatusLabel } from './customer-status-badge';
import {
  CUSTOMER_SORTING,
  MAX_SEARCH_LENGTH,
  MAX_TAG_LENGTH,
  type CustomerListState,
} from './list-params';

/**
 * Search, status, tag, owner, creation days, sort and direction of the customers list, in one
 * row whose controls line up at the bottom. The parent keeps them in the URL; the search term
 * is passed separately because it is typed before it is applied.
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
  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter customers">
      <SearchBox
        label="Search customers"
        placeholder="Search by name, e-mail or company"
        maxLength={MAX_SEARCH_LENGTH}
        value={term}
        onChange={onTermChange}
      />
      <StatusFilter chosen={state.status} onChange={(status) => onChange({ status })} />
      <TagFilter tag={state.tag} maxLength={MAX_TAG_LENGTH} onChange={(tag) => onChange({ tag })} />
      <OwnerFilter
        ownerId={state.ownerId}
        anyLabel="Any owner"
        onChange={(ownerId) => onChange({ ownerId })}
      />
      <CreatedFilter
        from={state.createdFrom}
        to={state.createdTo}
        onChange={(createdFrom, createdTo) => onChange({ createdFrom, createdTo })}
      />
      <SortFields
        sorting={CUSTOMER_SORTING}
        // Relevance needs a search term to rank by.
        sorts={CUSTOMER_SORTS.filter((sort) => sort !== 'relevance' || state.q)}
        sort={state.sort}
        order={state.order}
        onChange={onChange}
      />
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
      {/* The button names itself ("Status: All"); this is its visible label. */}
      <span className="flex items-center text-sm leading-none font-medium" aria-hidden="true">
        Status
      </span>
      <ChecklistMenu
        trigger={
          <Button variant="outline" className="justify-between font-normal">
            <span>
              <span className="sr-only">Status: </span>
              {statusSummary}
            </span>
            <ChevronDownIcon aria-hidden="true" className="opacity-50" />
          </Button>
        }
        heading="Show customers who are"
        options={CUSTOMER_STATUSES}
        labelOf={customerStatusLabel}
        isChecked={(status) => chosen.includes(status)}
        onCheckedChange={toggleStatus}
      >
        {chosen.length > 0 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onChange([])}>Show all statuses</DropdownMenuItem>
          </>
        ) : null}
      </ChecklistMenu>
    </div>
  );
}

/** Customers created from one day to another, both included; either end may be left open. */
function CreatedFilter({
  from,
  to,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (from: string | undefined, to: string | undefined) => void;
}) {
  const id = useId();
  return (
    <>
      <div className="grid gap-2">
        <Label htmlFor={`${id}-from`}>Created from</Label>
        <Input
          id={`${id}-from`}
          type="date"
          className="w-40"
          value={from ?? ''}
          max={to}
          onChange={(event) => onChange(event.target.value || undefined, to)}
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor={`${id}-to`}>Created to</Label>
        <Input
          id={`${id}-to`}
          type="date"
          className="w-40"
          value={to ?? ''}
          min={from}
          onChange={(event) => onChange(from, event.target.value || undefined)}
        />
      </div>
    </>
  );
}
