import { cn } from '@/lib/utils';

/**
 * A form that posts, so its fields never go into a URL (not even when it is sent before the
 * page's scripts run), validated by its own code rather than the browser's, its fields in a
 * column.
 */
export function PostForm({ className, ...props }: Omit<React.ComponentProps<'form'>, 'method'>) {
  return <form method="post" noValidate className={cn('grid gap-4', className)} {...props} />;
}
