'use client';

import { SearchIcon } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { OwnerFilter } from '@/features/members/owner-fields';
import {
  COMPANY_SORTS,
  DEFAULT_ORDER,
  MAX_SEARCH_LENGTH,
  orderLabel,
  SORT_LABELS,
  type CompanyListState,
  type CompanySort,
  type SortOrder,
} from './list-params';

const TAG_DELAY_MS = 400;

/**
 * Search, owner, tag, sort and direction of the companies list. The parent keeps them in the
 * URL; the search term is passed separately because it is typed before it is applied.
 */
export function CompanyFilters({
  state,
  term,
  onTermChange,
  onChange,
}: {
  state: CompanyListState;
  term: string;
  onTermChange: (term: string) => void;
  onChange: (next: Partial<CompanyListState>) => void;
}) {
  const ids = { search: useId(), tag: useId(), sort: useId(), order: useId() };

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid w-full max-w-sm gap-2">
        <Label htmlFor={ids.search} className="sr-only">
          Search companies
        </Label>
        <div className="relative">
          <SearchIcon
            className="pointer-events-none absolute top-2.5 left-3 size-4 text-muted-foreground"
            aria-hidden="true"
          />
          <Input
            id={ids.search}
            type="search"
            placeholder="Search by name or domain"
            className="pl-9"
            maxLength={MAX_SEARCH_LENGTH}
            value={term}
            onChange={(event) => onTermChange(event.target.value)}
          />
        </div>
      </div>

      <OwnerFilter
        ownerId={state.ownerId}
        anyLabel="Any owner"
        onChange={(ownerId) => onChange({ ownerId })}
      />

      <TagFilter id={ids.tag} tag={state.tag} onChange={(tag) => onChange({ tag })} />

      <div className="grid gap-2">
        <Label htmlFor={ids.sort}>Sort by</Label>
        <NativeSelect
          id={ids.sort}
          className="w-36"
          value={state.sort}
          onChange={(event) => {
            const sort = event.target.value as CompanySort;
            onChange({ sort, order: DEFAULT_ORDER[sort] });
          }}
        >
          {COMPANY_SORTS.map((sort) => (
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
          {(['asc', 'desc'] as const).map((order) => (
            <option key={order} value={order}>
              {orderLabel(state.sort, order)}
            </option>
          ))}
        </NativeSelect>
      </div>
    </div>
  );
}

/** Only companies with this tag; applied a moment after the last keystroke. */
function TagFilter({
  id,
  tag,
  onChange,
}: {
  id: string;
  tag: string;
  onChange: (tag: string) => void;
}) {
  const [text, setText] = useState(tag);
  const [seen, setSeen] = useState(tag);
  // Cleared or changed from elsewhere (Clear filters, the back button): show it.
  if (tag !== seen) {
    setSeen(tag);
    if (text.trim() !== tag) setText(tag);
  }

  useEffect(() => {
    if (text.trim() === tag) return;
    const timer = setTimeout(() => onChange(text.trim()), TAG_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, tag, onChange]);

  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>Tag</Label>
      <Input
        id={id}
        className="w-36"
        value={text}
        maxLength={50}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
