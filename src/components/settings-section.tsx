import { useId } from 'react';
import type { QueryStatus } from '@/components/query-state';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
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

/** Two queries as one: loading while either loads, failed when either failed, then both data. */
export function bothQueries<A, B>(a: QueryStatus<A>, b: QueryStatus<B>): QueryStatus<[A, B]> {
  const refetch = () => Promise.all([a.refetch(), b.refetch()]);
  if (a.isPending || b.isPending) return { isPending: true, isError: false, refetch };
  if (a.isError) return { isPending: false, isError: true, error: a.error, refetch };
  if (b.isError) return { isPending: false, isError: true, error: b.error, refetch };
  return { isPending: false, isError: false, data: [a.data, b.data], refetch };
}
