'use client';

import { DateRangeFilter } from '@/components/date-range-filter';
import { FilterBar, FilterChip } from '@/components/filter-bar';
import { StatusFilterMenu } from '@/components/status-filter-menu';
import { useClearSearchParams, useSetSearchParam } from '@/lib/use-replace-search-params';
import { ORDER_STATUSES } from '@/schemas/orders';
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
  const setParam = useSetSearchParam();
  const clearFilters = useClearSearchParams(FILTER_KEYS);

  return (
    <FilterBar label="Filter orders" onClear={hasOrderFilters(filters) ? clearFilters : undefined}>
      <StatusFilterMenu
        statuses={ORDER_STATUSES}
        chosen={filters.status}
        heading="Show orders that are"
        labelOf={orderStatusLabel}
      />

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
