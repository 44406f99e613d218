'use client';

import { DateRangeFilter } from '@/components/date-range-filter';
import { FilterBar, FilterChip } from '@/components/filter-bar';
import { TextField } from '@/components/form-field';
import { StatusFilterMenu } from '@/components/status-filter-menu';
import { useClearSearchParams, useSetSearchParam } from '@/lib/use-replace-search-params';
import { DEAL_STATUSES } from '@/schemas/deals';
import { OwnerFilter } from '@/features/members/owner-filter';
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
  const setParam = useSetSearchParam();
  const clearFilters = useClearSearchParams(DEAL_FILTER_KEYS);

  return (
    <FilterBar label="Filter deals" onClear={hasDealFilters(filters) ? clearFilters : undefined}>
      <StatusFilterMenu
        statuses={DEAL_STATUSES}
        chosen={filters.status}
        heading="Show deals that are"
        labelOf={dealStatusLabel}
      />

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
