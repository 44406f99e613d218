import { useId } from 'react';
import { EmptyState } from '@/components/empty-state';
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
