import { cn } from '@/lib/utils';

/**
 * A titled part of a page: its heading (an h2 named by `id`, for screen readers alone when
 * `hiddenTitle`), what may be done there beside it, then its content; in a bordered box when
 * `boxed`, as the panels of a record's page side by side.
 */
export function PageSection({
  id,
  title,
  hiddenTitle = false,
  boxed = false,
  action,
  children,
}: {
  id: string;
  title: string;
  hiddenTitle?: boolean;
  boxed?: boolean;
  /** A button or control for the whole section, at the heading's end. */
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  const heading = (
    <h2 id={id} className={cn(hiddenTitle ? 'sr-only' : 'text-lg font-semibold')}>
      {title}
    </h2>
  );
  return (
    <section
      aria-labelledby={id}
      className={
        boxed ? 'grid gap-4 rounded-lg border bg-background p-4' : 'grid grid-cols-1 gap-4'
      }
    >
      {action ? (
        <div className="flex flex-wrap items-center justify-between gap-4">
          {heading}
          {action}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
