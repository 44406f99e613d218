'use client';

import { ChevronDownIcon } from 'lucide-react';
import { ChecklistMenu } from '@/components/checklist-menu';
import { SearchBox, SortFields } from '@/components/list-controls';
import { Button } from '@/components/ui/button';
import { DropdownMenuItem, DropdownMenuSeparator } from '@/components/ui/dropdown-menu';
import {
  CUSTOMER_SORTS,
  CUSTOMER_STATUSES,
  type CustomerStatus,
} from '@/schemas/customer-constants';
import { customerStatusLabel } from './customer-status-badge';
import { CUSTOMER_SORTING, MAX_SEARCH_LENGTH, type CustomerListState } from './list-params';

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
  return (
    <div className="flex flex-wrap items-end gap-3">
      <SearchBox
        label="Search customers"
        placeholder="Search by name, e-mail or company"
        maxLength={MAX_SEARCH_LENGTH}
        value={term}
        onChange={onTermChange}
      />
      <StatusFilter chosen={state.status} onChange={(status) => onChange({ status })} />
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
      <span className="text-sm font-medium" aria-hidden="true">
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
