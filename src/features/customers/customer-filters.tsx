'use client';

import { useId } from 'react';
import { SearchBox, SortFields } from '@/components/list-controls';
import { PhoneFilters } from '@/components/phone-filters';
import { StatusChecklistFilter } from '@/components/status-checklist-filter';
import { TagFilter } from '@/components/tag-filter';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { OwnerFilter } from '@/features/members/owner-filter';
import { CUSTOMER_SORTS, CUSTOMER_STATUSES } from '@/schemas/customer-constants';
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
      <PhoneFilters
        active={
          [
            state.status.length > 0,
            state.tag,
            state.ownerId,
            state.createdFrom || state.createdTo,
          ].filter(Boolean).length
        }
      >
        <StatusChecklistFilter
          statuses={CUSTOMER_STATUSES}
          chosen={state.status}
          heading="Show customers who are"
          labelOf={customerStatusLabel}
          onChange={(status) => onChange({ status })}
        />
        <TagFilter
          tag={state.tag}
          maxLength={MAX_TAG_LENGTH}
          onChange={(tag) => onChange({ tag })}
        />
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
      </PhoneFilters>
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
