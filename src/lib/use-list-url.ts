'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';

const SEARCH_DELAY_MS = 250;

/** How the state of a list with a search box is kept in its URL. */
export interface ListUrlState<S extends { q: string }> {
  read: (params: Pick<URLSearchParams, 'get' | 'getAll'>) => S;
  /** The URL query of a state, its defaults left out. */
  query: (state: S) => string;
  /** The state with a new search term. */
  withSearch: (state: S, q: string) => S;
  /** The state with every filter cleared; sorting stays. */
  cleared: (state: S) => S;
}

/**
 * What a list shows, kept in the URL so a view can be shared and survives the back button. The
 * search box writes its term there a moment after the last keystroke. `url` must not change
 * between renders (a module's constant).
 */
export function useListUrl<S extends { q: string }>(url: ListUrlState<S>) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const state = url.read(searchParams);
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
    (next: S) => {
      const query = url.query(next);
      setRequestedQ(url.read(new URLSearchParams(query)).q);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [pathname, router, url],
  );

  useEffect(() => {
    if (term.trim() === q) return;
    const timer = setTimeout(
      () => replaceState(url.withSearch(url.read(searchParams), term)),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [term, q, searchParams, replaceState, url]);

  return {
    state,
    term,
    setTerm,
    /** Other filters or sorting, with the term typed so far. */
    changeFilters: (change: Partial<S>) =>
      replaceState({ ...url.withSearch(state, term), ...change }),
    clearFilters: () => {
      setTerm('');
      replaceState(url.cleared(state));
    },
  };
}
