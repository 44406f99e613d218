'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { DateRangeFilter } from '@/components/date-range-filter';
import { FilterBar, FilterChip } from '@/components/filter-bar';
import { PhoneFilters } from '@/components/phone-filters';
import { SearchBox } from '@/components/list-controls';
import { StatusChecklistFilter } from '@/components/status-checklist-filter';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ORDER_STATUSES } from '@/schemas/order-constants';
import {
  amountParam,
  hasOrderFilters,
  MAX_ORDER_SEARCH_LENGTH,
  type OrderFilters,
} from './list-params';
import { orderStatusLabel } from './order-status-badge';

/** How long a typed amount waits before the list follows it. */
const AMOUNT_DELAY_MS = 400;

/**
 * Search, status, creation days and totals of the orders list, each under its label, and the
 * customer filter a link may have set. The parent keeps them in the URL; the search term is
 * passed separately because it is typed before it is applied.
 */
export function OrderFiltersBar({
  filters,
  term,
  onTermChange,
  onChange,
  onClear,
  customerLabel,
}: {
  filters: OrderFilters;
  term: string;
  onTermChange: (term: string) => void;
  onChange: (change: Partial<OrderFilters>) => void;
  onClear: () => void;
  /** The name of the customer filtered by, once known. */
  customerLabel: string;
}) {
  const filtered = hasOrderFilters(filters) || term.trim() !== '';
  return (
    <FilterBar label="Filter orders" onClear={filtered ? onClear : undefined}>
      <SearchBox
        label="Search orders"
        placeholder="Search by order number or customer"
        maxLength={MAX_ORDER_SEARCH_LENGTH}
        value={term}
        onChange={onTermChange}
      />

      <PhoneFilters
        active={
          [
            filters.status.length > 0,
            filters.from || filters.to,
            filters.minTotal !== undefined || filters.maxTotal !== undefined,
          ].filter(Boolean).length
        }
      >
        <StatusChecklistFilter
          statuses={ORDER_STATUSES}
          chosen={filters.status}
          heading="Show orders that are"
          labelOf={orderStatusLabel}
          onChange={(status) => onChange({ status })}
        />

        <DateRangeFilter
          idPrefix="orders"
          from={filters.from}
          to={filters.to}
          onChange={(end, value) =>
            onChange(end === 'from' ? { from: value || undefined } : { to: value || undefined })
          }
        />

        <AmountFilter
          label="Min total"
          value={filters.minTotal}
          onCommit={(minTotal) => onChange({ minTotal })}
        />
        <AmountFilter
          label="Max total"
          value={filters.maxTotal}
          onCommit={(maxTotal) => onChange({ maxTotal })}
        />
      </PhoneFilters>

      {filters.customerId ? (
        <FilterChip
          removeLabel="Remove the customer filter"
          onRemove={() => onChange({ customerId: undefined })}
        >
          Customer: {customerLabel}
        </FilterChip>
      ) : null}
    </FilterBar>
  );
}

/**
 * One end of the range of order totals, in the orders' own amounts ("250", "19.99"). The list
 * follows a moment after the typing stops; what is not an amount yet is left unapplied.
 */
function AmountFilter({
  label,
  value,
  onCommit,
}: {
  label: string;
  /** The amount the list is filtered by now. */
  value: string | undefined;
  /** Undefined removes this end of the range. */
  onCommit: (amount: string | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  // Changed by other means (clearing the filters, the back button): show the new amount.
  if (value !== seen) {
    setSeen(value);
    if (amountParam(text) !== value) setText(value ?? '');
  }

  // The latest callback, so the list re-rendering meanwhile does not restart the wait.
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });

  useEffect(() => {
    const typed = amountParam(text);
    const unapplicable = text.trim() !== '' && typed === undefined;
    if (typed === value || unapplicable) return;
    const timer = setTimeout(() => commit.current(typed), AMOUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        step="0.01"
        placeholder="Any"
        className="w-32"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
