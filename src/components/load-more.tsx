'use client';

import { Button } from '@/components/ui/button';

/** The parts of an infinite query that fetch its next page. */
interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Fetches the next page of an infinite query; gone once the last page is in. */
export function LoadMore({ query, label }: { query: NextPages; label: string }) {
  if (!query.hasNextPage) return null;
  return (
    <div className="flex justify-center">
      <Button
        variant="outline"
        onClick={() => void query.fetchNextPage()}
        disabled={query.isFetchingNextPage}
      >
        {query.isFetchingNextPage ? 'Loading…' : label}
      </Button>
    </div>
  );
}
