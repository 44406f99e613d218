'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { listStateQuery, readListState, type CompanyListState } from './list-params';

const SEARCH_DELAY_MS = 250;

/**
 * What the companies list shows, kept in the URL so a view can be shared and survives the back
 * button. The search box writes its term there a moment after the last keystroke.
 */
export function useCompanyListUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const state = readListState(searchParams);
  const { q } = state;
  const [term, setTerm] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  // The term this view last put in the URL itself (navigations land after a round trip).
  const [requestedQ, setRequestedQ] = useState<string | null>(null);

  // The URL's term changed by other means (back button, a link): show it. When the change is
  // the one this view asked for, the person may have typed on meanwhile, so the box is left alone.
  if (q !== seenQ) {
    setSeenQ(q);
    if (q !== requestedQ && term.trim() !== q) setTerm(q);
  }

  const replaceState = useCallback(
    (next: CompanyListState) => {
      const query = listStateQuery(next);
      setRequestedQ(readListState(new URLSearchParams(query)).q);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [pathname, router],
  );

  useEffect(() => {
    if (term.trim() === q) return;
    const timer = setTimeout(
      () => replaceState({ ...readListState(searchParams), q: term }),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [term, q, searchParams, replaceState]);

  return {
    state,
    term,
    setTerm,
    /** Other filters or sorting, with the term typed so far. */
    changeFilters: (change: Partial<CompanyListState>) =>
      replaceState({ ...state, q: term, ...change }),
    clearFilters: () => {
      setTerm('');
      replaceState({ ...state, q: '', ownerId: undefined, tag: '' });
    },
  };
}
