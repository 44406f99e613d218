'use client';

import { ErrorState } from '@/components/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/utils';

/** What decides which state a query (plain or infinite) is shown in. */
export type QueryStatus<TData> = { refetch: () => unknown } & (
  | { isPending: true; isError: false }
  | { isPending: false; isError: true; error: unknown }
  | { isPending: false; isError: false; data: TData }
);

/** Each shape's placeholder height, and how many of them stand for what is loading. */
const SKELETONS = {
  /** Form fields and buttons: a settings section. */
  fields: { height: 'h-9', count: 2 },
  /** Table rows. */
  rows: { height: 'h-10', count: 4 },
  /** Cards of a list: timeline entries, audit entries. */
  items: { height: 'h-20', count: 3 },
  /** One block the size of a chart. */
  chart: { height: 'h-64', count: 1 },
};

export interface SkeletonShape {
  /** Names the placeholder for assistive technology: "Loading customers". */
  label: string;
  shape?: keyof typeof SKELETONS;
  /** How many placeholders; the shape's usual number when left out. */
  count?: number;
}

/** Grey placeholders in the shape of what is loading. */
export function LoadingSkeleton({ label, shape = 'rows', count }: SkeletonShape) {
  const { height, count: usual } = SKELETONS[shape];
  return (
    <div className="grid gap-2" role="status" aria-label={label}>
      {Array.from({ length: count ?? usual }, (_, i) => (
        <Skeleton key={i} className={cn(height, 'w-full')} />
      ))}
    </div>
  );
}

/**
 * A query's result in the state it is in: a skeleton while it loads, what failed (with the
 * request id of an internal error) and a way to try again, `empty` when `isEmpty` says there
 * is nothing, and otherwise what `children` makes of the data.
 */
export function QueryState<TData>({
  query,
  loading,
  failure,
  isEmpty,
  empty,
  children,
}: {
  query: QueryStatus<TData>;
  loading: SkeletonShape;
  /** What could not be done: "The customers could not be loaded." */
  failure: string;
  isEmpty?: (data: TData) => boolean;
  empty?: React.ReactNode;
  children: (data: TData) => React.ReactNode;
}) {
  if (query.isPending) return <LoadingSkeleton {...loading} />;
  if (query.isError) {
    return <ErrorState what={failure} error={query.error} retry={() => void query.refetch()} />;
  }
  if (isEmpty?.(query.data)) return empty;
  return children(query.data);
}
