import { useId } from 'react';
import { EmptyState } from '@/components/empty-state';
import { QueryState, type QueryStatus } from '@/components/query-state';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { cn } from '@/lib/utils';

/** One part of the dashboard: a card named by its h2 heading. */
export function DashboardCard({
  title,
  description,
  className,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={cn('min-w-0', className)}>
      <Card className="h-full">
        <CardHeader>
          <h2 id={headingId} className="text-lg leading-none font-semibold">
            {title}
          </h2>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <CardContent className="grid gap-4">{children}</CardContent>
      </Card>
    </section>
  );
}

/** The empty box, for inside a card. */
export function CardEmptyState({ title, hint }: { title: string; hint: string }) {
  return (
    <EmptyState title={title} className="bg-transparent p-8">
      {hint}
    </EmptyState>
  );
}

/**
 * A dashboard card showing what a query found: placeholders while it loads (one block for a
 * chart, rows for a list), what failed, or the empty box when `isEmpty` says there is nothing.
 */
export function QueryCard<TData>({
  title,
  description,
  query,
  chart = false,
  failure = `${title} could not be loaded.`,
  isEmpty,
  empty,
  children,
}: {
  title: string;
  description: string;
  query: QueryStatus<TData>;
  chart?: boolean;
  failure?: string;
  isEmpty: (data: TData) => boolean;
  empty: { title: string; hint: string };
  children: (data: TData) => React.ReactNode;
}) {
  const what = title.charAt(0).toLowerCase() + title.slice(1);
  return (
    <DashboardCard title={title} description={description}>
      <QueryState
        query={query}
        loading={
          chart
            ? { label: `Loading ${what}`, shape: 'chart' }
            : { label: `Loading ${what}`, count: 5 }
        }
        failure={failure}
        isEmpty={isEmpty}
        empty={<CardEmptyState {...empty} />}
      >
        {children}
      </QueryState>
    </DashboardCard>
  );
}
