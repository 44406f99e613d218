import { cn } from '@/lib/utils';

/**
 * A dashed box saying there is nothing to show, and what would change that. With a title the
 * message is its hint; without one the message stands alone. An action (a button, a link)
 * goes below.
 */
export function EmptyState({
  title,
  children,
  action,
  className,
}: {
  title?: React.ReactNode;
  children?: React.ReactNode;
  action?: React.ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        'rounded-lg border border-dashed bg-background text-center',
        title ? 'p-10' : 'p-8',
        className,
      )}
    >
      {title ? <p className="font-medium">{title}</p> : null}
      {children ? (
        <p className={cn('text-sm text-muted-foreground', title && 'mt-1')}>{children}</p>
      ) : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
