import Link from 'next/link';
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '@/components/ui/card';
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

/** A form in an AuthCard: its fields in the card's content, its buttons in the footer. */
export function AuthForm({
  onSubmit,
  footer,
  children,
}: {
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  footer?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <form method="post" noValidate onSubmit={onSubmit}>
      <CardContent className="grid gap-4">{children}</CardContent>
      {footer ? <CardFooter className="mt-6 flex flex-col gap-3">{footer}</CardFooter> : null}
    </form>
  );
}
