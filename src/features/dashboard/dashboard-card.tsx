import { useId } from 'react';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
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

/** What a card shows while its data loads. */
export function CardSkeleton({
  label,
  kind = 'chart',
}: {
  label: string;
  kind?: 'chart' | 'list';
}) {
  return kind === 'chart' ? (
    <div role="status" aria-label={label}>
      <Skeleton className="h-64 w-full" />
    </div>
  ) : (
    <div className="grid gap-2" role="status" aria-label={label}>
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}

/** Nothing to show yet, and what would change that. */
export function EmptyState({ title, hint }: { title: string; hint: string }) {
  return (
    <div className="rounded-lg border border-dashed p-8 text-center">
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm text-muted-foreground">{hint}</p>
    </div>
  );
}
