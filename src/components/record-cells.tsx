'use client';

import { PanelRightOpenIcon } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { TableCell } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import { api } from '@/trpc/react';

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

const RELATIVE_UNITS = [
  ['second', 1, 60],
  ['minute', 60, 60],
  ['hour', 3_600, 24],
  ['day', 86_400, 30],
  ['month', 2_592_000, 12],
] as const;
const YEAR_SECONDS = 31_536_000;

/** "3 days ago", "in 2 hours", "last month": how long ago (or ahead) a time is, from now. */
export function relativeTime(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size, upTo] of RELATIVE_UNITS) {
    if (Math.abs(seconds) < size * upTo) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / YEAR_SECONDS), 'year');
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

/** "AL" for Ada Lovelace, "A" for Ada. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return letters.map((word) => [...word][0]!.toUpperCase()).join('');
}

/** A member's initials in a circle, beside their name. */
export function OwnerAvatar({ name }: { name: string }) {
  return (
    <span
      aria-hidden="true"
      className="inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-secondary text-[0.625rem] font-semibold text-secondary-foreground"
    >
      {initialsOf(name)}
    </span>
  );
}

/** Who owns a record: their initials and name, "No owner" (or `none`), or "A former member". */
export function OwnerLabel({
  ownerId,
  none = 'No owner',
}: {
  ownerId: string | null;
  none?: string;
}) {
  const members = api.members.list.useQuery({}, { enabled: ownerId !== null });
  if (!ownerId) return <span className="text-muted-foreground">{none}</span>;
  const owner = members.data?.items.find((member) => member.userId === ownerId);
  if (!owner) {
    return (
      <span className="text-muted-foreground">
        {members.isPending ? 'Loading…' : 'A former member'}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      <OwnerAvatar name={owner.name} />
      <span className="truncate">{owner.name}</span>
    </span>
  );
}

/** A row's owner cell. */
export function OwnerCell({ ownerId, none }: { ownerId: string | null; none?: string }) {
  return (
    <TableCell className="whitespace-nowrap">
      <OwnerLabel ownerId={ownerId} none={none} />
    </TableCell>
  );
}
