'use client';

import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ComboboxOption } from '@/components/search-combobox';
import { api } from '@/trpc/react';

const SEARCH_DELAY_MS = 200;
const SUGGESTIONS = 8;

/**
 * Companies whose name or domain is like `term` (the server's typo-tolerant search), as
 * suggestions for a combobox; `exceptId` leaves one out (the company being merged into).
 */
export function useCompanySearch(term: string, { exceptId }: { exceptId?: string } = {}) {
  const [query, setQuery] = useState(term.trim());
  useEffect(() => {
    const timer = setTimeout(() => setQuery(term.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term]);

  const search = api.companies.list.useQuery(
    { q: query, limit: SUGGESTIONS + 1, sort: 'name', order: 'asc' },
    { enabled: query.length > 0, placeholderData: keepPreviousData },
  );
  const options: ComboboxOption[] = (query ? (search.data?.items ?? []) : [])
    .filter((company) => company.id !== exceptId)
    .slice(0, SUGGESTIONS)
    .map((company) => ({
      id: company.id,
      label: company.name,
      hint: company.domain ?? undefined,
    }));
  const searching = term.trim() !== query || search.isFetching;
  return { options, searching };
}
