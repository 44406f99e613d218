'use client';

import { ChevronDownIcon } from 'lucide-react';
import { DateRangeFilter } from '@/components/date-range-filter';
import { FilterBar, FilterChip } from '@/components/filter-bar';
import { TextField } from '@/components/form-field';
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
import { DEAL_STATUSES, type DealStatus } from '@/schemas/deals';
import { OwnerFilter } from '@/features/members/owner-fields';
import { dealStatusLabel } from './deal-status-badge';
import { DEAL_FILTER_KEYS, hasDealFilters, type DealFilters } from './list-params';

export function DealFiltersBar({
  filters,
  stageLabel,
}: {
  filters: DealFilters;
  /** The name of the stage filtered by, once known. */
  stageLabel: string;
}) {
  const replace = useReplaceSearchParams();
  const setParam = useSetSearchParam();

  const toggleStatus = (status: DealStatus, checked: boolean) =>
    replace((params) => {
      const chosen = new Set(params.getAll('status'));
      if (checked) chosen.add(status);
      else chosen.delete(status);
      params.delete('status');
      for (const item of DEAL_STATUSES) if (chosen.has(item)) params.append('status', item);
    });

  return (
    <FilterBar
      label="Filter deals"
      onClear={
        hasDealFilters(filters)
          ? () =>
              replace((params) => {
                for (const key of DEAL_FILTER_KEYS) params.delete(key);
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
          <DropdownMenuLabel>Show deals that are</DropdownMenuLabel>
          <DropdownMenuSeparator />
          {DEAL_STATUSES.map((status) => (
            <DropdownMenuCheckboxItem
              key={status}
              checked={filters.status.includes(status)}
              onCheckedChange={(checked) => toggleStatus(status, checked === true)}
              // Keep the menu open so several statuses can be picked in a row.
              onSelect={(event) => event.preventDefault()}
            >
              {dealStatusLabel(status)}
            </DropdownMenuCheckboxItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>

      <OwnerFilter
        ownerId={filters.ownerId}
        anyLabel="Anyone"
        onChange={(ownerId) => setParam('owner', ownerId)}
      />

      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="sr-only">Expected close date</legend>
        <DateRangeFilter
          idPrefix="deals-close"
          from={filters.closeFrom}
          to={filters.closeTo}
          onChange={(end, value) => setParam(end === 'from' ? 'closeFrom' : 'closeTo', value)}
        />
      </fieldset>

      <AmountFilter
        label="Min amount"
        value={filters.minAmount}
        onCommit={(value) => setParam('minAmount', value)}
      />
      <AmountFilter
        label="Max amount"
        value={filters.maxAmount}
        onCommit={(value) => setParam('maxAmount', value)}
      />

      {filters.stageId ? (
        <FilterChip
          removeLabel="Remove the stage filter"
          onRemove={() => setParam('stage', undefined)}
        >
          Stage: {stageLabel}
        </FilterChip>
      ) : null}
    </FilterBar>
  );
}

/** An amount bound, applied when it is left or Enter is pressed rather than on each key. */
function AmountFilter({
  label,
  value,
  onCommit,
}: {
  label: string;
  value?: string;
  onCommit: (value: string | undefined) => void;
}) {
  const commit = (text: string) => {
    const trimmed = text.trim() || undefined;
    if (trimmed !== value) onCommit(trimmed);
  };
  return (
    <div className="w-32">
      <TextField
        // A new value from the URL (cleared filters, back button) starts the field over.
        key={value ?? ''}
        label={label}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={value ?? ''}
        onBlur={(event) => commit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
      />
    </div>
  );
}
