'use client';

import { LoadMore } from '@/components/load-more';
import { QueryState, type QueryStatus, type SkeletonShape } from '@/components/query-state';
import { loadedItems, type CursorPage } from '@/lib/cursor-pages';

/** An infinite query over cursor pages, as a paged list needs it. */
export type PagedQuery<T> = QueryStatus<{ pages: CursorPage<T>[] }> & {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/**
 * The items of an infinite query loaded so far, in the state the query is in (see QueryState),
 * with a button under them that loads the next page. While `stale` (the previous result shown
 * as a placeholder for the next), the items are dimmed and marked busy.
 */
export function PagedList<T>({
  query,
  loading,
  failure,
  empty,
  moreLabel,
  stale,
  children,
}: {
  query: PagedQuery<T>;
  loading: SkeletonShape;
  failure: string;
  /** What shows when there is no item at all. */
  empty: React.ReactNode;
  /** The load-more button's text: "Show older", "Load more customers". */
  moreLabel: string;
  stale?: boolean;
  children: (items: T[]) => React.ReactNode;
}) {
  return (
    <QueryState
      query={query}
      loading={loading}
      failure={failure}
      isEmpty={(data) => loadedItems(data).length === 0}
      empty={empty}
    >
      {(data) => (
        <>
          {stale === undefined ? (
            children(loadedItems(data))
          ) : (
            <div aria-busy={stale} className={stale ? 'opacity-60 transition-opacity' : undefined}>
              {children(loadedItems(data))}
            </div>
          )}
          <LoadMore query={query} label={moreLabel} />
        </>
      )}
    </QueryState>
  );
}
