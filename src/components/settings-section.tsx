import { useId } from 'react';
import { ErrorState } from '@/components/error-state';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/utils';

/** One section of the settings page: a card named by its h2 heading. */
export function SettingsSection({
  title,
  description,
  destructive = false,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  /** For what cannot be undone, such as deleting the organization. */
  destructive?: boolean;
  children: React.ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Card className={cn(destructive && 'border-destructive/50')}>
        <CardHeader>
          <h2
            id={headingId}
            className={cn('text-lg leading-none font-semibold', destructive && 'text-destructive')}
          >
            {title}
          </h2>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <CardContent className="grid gap-4">{children}</CardContent>
      </Card>
    </section>
  );
}

/** What a section shows while its data loads: rows of the height of a field. */
export function SectionSkeleton({ label, rows = 2 }: { label: string; rows?: number }) {
  return (
    <div className="grid gap-2" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-9 w-full" />
      ))}
    </div>
  );
}

/** A query as a section waits for it: loading, failed, or holding its data. */
export type SectionQueryResult<T> = { refetch: () => unknown } & (
  | { isPending: true; isError: false }
  | { isPending: false; isError: true; error: unknown }
  | { isPending: false; isError: false; data: T }
);

/**
 * The part of a section that needs the data of `query`: a skeleton while it loads, what failed
 * and a way to try again, then what `children` makes of the data.
 */
export function SectionQuery<T>({
  query,
  loading,
  loadingRows,
  failure,
  children,
}: {
  query: SectionQueryResult<T>;
  /** Names the skeleton for assistive technology: "Loading your profile". */
  loading: string;
  loadingRows?: number;
  /** What could not be done: "Your profile could not be loaded." */
  failure: string;
  children: (data: T) => React.ReactNode;
}) {
  if (query.isPending) return <SectionSkeleton label={loading} rows={loadingRows} />;
  if (query.isError) {
    return <ErrorState what={failure} error={query.error} retry={() => void query.refetch()} />;
  }
  return children(query.data);
}

/** Two queries as one: loading while either loads, failed when either failed, then both data. */
export function bothQueries<A, B>(
  a: SectionQueryResult<A>,
  b: SectionQueryResult<B>,
): SectionQueryResult<[A, B]> {
  const refetch = () => Promise.all([a.refetch(), b.refetch()]);
  if (a.isPending || b.isPending) return { isPending: true, isError: false, refetch };
  if (a.isError) return { isPending: false, isError: true, error: a.error, refetch };
  if (b.isError) return { isPending: false, isError: true, error: b.error, refetch };
  return { isPending: false, isError: false, data: [a.data, b.data], refetch };
}
