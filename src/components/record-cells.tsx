'use client';

import { PanelRightOpenIcon } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { TableCell } from '@/components/ui/table';
import { formatDateTime, relativeTime } from '@/lib/format';

/** A link to a record's page by its name, underlined when pointed at or focused. */
export function RecordLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="underline-offset-4 hover:underline focus-visible:underline">
      {children}
    </Link>
  );
}

/**
 * The first cell of a record's row: its name, a link to its page; with `preview`, a button
 * beside it opening the record in the list's side panel (what a click on the row does).
 */
export function NameCell({
  href,
  preview,
  children,
}: {
  href: string;
  preview?: { name: string; open: () => void };
  children: React.ReactNode;
}) {
  return (
    <TableCell className="font-medium">
      <RecordLink href={href}>{children}</RecordLink>
      {preview ? (
        <button
          type="button"
          aria-label={`Preview ${preview.name}`}
          title="Preview"
          onClick={preview.open}
          className="ml-1 inline-flex size-6 items-center justify-center rounded-sm align-middle text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
        >
          <PanelRightOpenIcon aria-hidden="true" className="size-4" />
        </button>
      ) : null}
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

/** A time as how long ago it was, the full date and time in its tooltip. */
export function RelativeTime({ date }: { date: Date }) {
  return (
    // Rendered on the server a moment earlier, the words may differ by then.
    <time dateTime={date.toISOString()} title={formatDateTime(date)} suppressHydrationWarning>
      {relativeTime(date)}
    </time>
  );
}

/** A day at the right end of a row: when a record was created or changed, as "3 days ago". */
export function DateCell({ date }: { date: Date }) {
  return (
    <TableCell className="text-right whitespace-nowrap text-muted-foreground">
      <RelativeTime date={date} />
    </TableCell>
  );
}
