'use client';

import { SearchBox, SortFields } from '@/components/list-controls';
import { PhoneFilters } from '@/components/phone-filters';
import { TagFilter } from '@/components/tag-filter';
import { OwnerFilter } from '@/features/members/owner-filter';
import {
  COMPANY_SORTING,
  COMPANY_SORTS,
  MAX_SEARCH_LENGTH,
  MAX_TAG_LENGTH,
  type CompanyListState,
} from './list-params';

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
      <PhoneFilters active={[state.ownerId, state.tag].filter(Boolean).length}>
        <OwnerFilter
          ownerId={state.ownerId}
          anyLabel="Any owner"
          onChange={(ownerId) => onChange({ ownerId })}
        />
        <TagFilter
          tag={state.tag}
          maxLength={MAX_TAG_LENGTH}
          onChange={(tag) => onChange({ tag })}
        />
        <SortFields
          sorting={COMPANY_SORTING}
          sorts={COMPANY_SORTS}
          sort={state.sort}
          order={state.order}
          onChange={onChange}
        />
      </PhoneFilters>
    </div>
  );
}
