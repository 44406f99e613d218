import { useId } from 'react';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/utils';

/** One section of the settings page: a card named by its h2 heading. */
export function SettingsCard({
  title,
  description,
  destructive = false,
  children,
}: {
  title: string;
  description?: React.ReactNode;
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

/** What a section shows while its data loads. */
export function SectionSkeleton({ label, rows = 2 }: { label: string; rows?: number }) {
  return (
    <div className="grid gap-2" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-9 w-full" />
      ))}
    </div>
  );
}

const dateTimeFormat = () =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function DateTime({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{dateTimeFormat().format(value)}</time>;
}
