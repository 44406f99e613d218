import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { TableCell } from '@/components/ui/table';
import { formatDate } from '@/lib/format';

/** A link to a record's page by its name, underlined when pointed at or focused. */
export function RecordLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="underline-offset-4 hover:underline focus-visible:underline">
      {children}
    </Link>
  );
}

/** The first cell of a record's row: its name, a link to its page. */
export function NameCell({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <TableCell className="font-medium">
      <RecordLink href={href}>{children}</RecordLink>
    </TableCell>
  );
}

/** A record's tags, as badges that wrap. */
export function TagsCell({ tags }: { tags: readonly string[] }) {
  return (
    <TableCell>
      <div className="flex flex-wrap gap-1">
        {tags.map((tag) => (
          <Badge key={tag} variant="secondary">
            {tag}
          </Badge>
        ))}
      </div>
    </TableCell>
  );
}

/** A day at the right end of a row: when a record was created or changed. */
export function DateCell({ date }: { date: Date }) {
  return (
    <TableCell className="text-right text-muted-foreground">
      <time dateTime={date.toISOString()}>{formatDate(date)}</time>
    </TableCell>
  );
}
