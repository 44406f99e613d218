'use client';

import { SelectField } from '@/components/select-field';
import { SelectItem } from '@/components/ui/select';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';

/** The select's value for "No owner" (a select item cannot have an empty one). */
const NO_OWNER = 'none';

/**
 * The member who owns a customer, or nobody. An owner who has since left stays chosen, shown as
 * a former member.
 */
export function OwnerSelectField({
  name = 'owner',
  ownerId,
  onChange,
  onBlur,
  triggerRef,
  error,
}: {
  name?: string;
  ownerId: string | null;
  onChange: (ownerId: string | null) => void;
  onBlur?: () => void;
  triggerRef?: React.Ref<HTMLButtonElement>;
  error?: string;
}) {
  const members = api.members.list.useQuery({});
  const memberItems = members.data?.items ?? [];
  const formerMember =
    ownerId !== null &&
    members.isSuccess &&
    !memberItems.some((member) => member.userId === ownerId);

  return (
    <SelectField
      label="Owner"
      name={name}
      value={ownerId ?? NO_OWNER}
      onValueChange={(value) => onChange(value === NO_OWNER ? null : value)}
      onBlur={onBlur}
      triggerRef={triggerRef}
      placeholder={members.isPending ? 'Loading members…' : undefined}
      hint={
        members.isError
          ? `The members could not be loaded: ${describeError(members.error)}`
          : undefined
      }
      error={error}
    >
      <SelectItem value={NO_OWNER}>No owner</SelectItem>
      {formerMember ? <SelectItem value={ownerId}>A former member</SelectItem> : null}
      {memberItems.map((member) => (
        <SelectItem key={member.userId} value={member.userId}>
          {member.name}
        </SelectItem>
      ))}
    </SelectField>
  );
}
