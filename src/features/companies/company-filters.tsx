'use client';

import { useEffect, useId, useState } from 'react';
import { SearchBox, SortFields } from '@/components/list-controls';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { OwnerFilter } from '@/features/members/owner-fields';
import {
  COMPANY_SORTING,
  COMPANY_SORTS,
  MAX_SEARCH_LENGTH,
  type CompanyListState,
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
  return (
    <div className="flex flex-wrap items-end gap-3">
      <SearchBox
        label="Search companies"
        placeholder="Search by name or domain"
        maxLength={MAX_SEARCH_LENGTH}
        value={term}
        onChange={onTermChange}
      />
      <OwnerFilter
        ownerId={state.ownerId}
        anyLabel="Any owner"
        onChange={(ownerId) => onChange({ ownerId })}
      />
      <TagFilter tag={state.tag} onChange={(tag) => onChange({ tag })} />
      <SortFields
        sorting={COMPANY_SORTING}
        sorts={COMPANY_SORTS}
        sort={state.sort}
        order={state.order}
        onChange={onChange}
      />
    </div>
  );
}

/** Only companies with this tag; applied a moment after the last keystroke. */
function TagFilter({ tag, onChange }: { tag: string; onChange: (tag: string) => void }) {
  const id = useId();
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
