'use client';

import { TableCell } from '@/components/ui/table';
import { api } from '@/trpc/react';

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
