import Link from 'next/link';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/lib/utils';

/** The card of a page for signing in, signing up, resetting a password or joining. */
export function AuthCard({
  title,
  titleClassName,
  description,
  children,
}: {
  title: React.ReactNode;
  titleClassName?: string;
  description?: React.ReactNode;
  /** CardContent and CardFooter, or a form holding them. */
  children?: React.ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className={titleClassName}>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      {children}
    </Card>
  );
}

/** A link to another of these pages, underlined within a sentence. */
export function AuthLink({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      className={cn('font-medium text-foreground underline underline-offset-4', className)}
    >
      {children}
    </Link>
  );
}
