'use client';

import { useId } from 'react';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { api } from '@/trpc/react';

/** The value of "any owner" in a list's owner filter. */
const ANY_OWNER = '';

/**
 * A list's owner filter: one member (a former one too, when a link names them), or anyone. The
 * browser's own select, like the list's sort, so a list's first load carries no menu code.
 */
export function OwnerFilter({
  label = 'Owner',
  ownerId,
  anyLabel,
  onChange,
}: {
  /** The filter's label, for a member in another role: "Assignee". */
  label?: string;
  ownerId: string | undefined;
  /** What the filter says when it is off: "Any owner". */
  anyLabel: string;
  onChange: (ownerId: string | undefined) => void;
}) {
  const id = useId();
  const members = api.members.list.useQuery({});
  const items = members.data?.items ?? [];
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        className="w-44"
        value={ownerId ?? ANY_OWNER}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value={ANY_OWNER}>{anyLabel}</option>
        {ownerId && members.isSuccess && !items.some((member) => member.userId === ownerId) ? (
          <option value={ownerId}>A former member</option>
        ) : null}
        {items.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
