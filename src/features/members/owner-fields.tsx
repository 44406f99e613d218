'use client';

import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { SelectField } from '@/components/select-field';
import { SelectItem } from '@/components/ui/select';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';

/** The select's value for "No owner" (a select item cannot have an empty one). */
const NO_OWNER = 'none';

/**
 * The member who owns a record, or nobody. An owner who has since left stays chosen, shown as
 * a former member.
 */
export function OwnerSelectField({
  label = 'Owner',
  noneLabel = 'No owner',
  name = 'owner',
  ownerId,
  onChange,
  onBlur,
  triggerRef,
  error,
}: {
  /** The field's label, for a member in another role: "Assignee". */
  label?: string;
  /** What choosing nobody says: "Unassigned". */
  noneLabel?: string;
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
      label={label}
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
      <SelectItem value={NO_OWNER}>{noneLabel}</SelectItem>
      {formerMember ? <SelectItem value={ownerId}>A former member</SelectItem> : null}
      {memberItems.map((member) => (
        <SelectItem key={member.userId} value={member.userId}>
          {member.name}
        </SelectItem>
      ))}
    </SelectField>
  );
}

/** An OwnerSelectField holding an owner field of a react-hook-form form. */
export function FormOwnerSelectField<
  T extends FieldValues,
  O,
  N extends FieldPathByValue<T, string | null>,
>({
  control,
  name,
  label,
  noneLabel,
}: {
  control: Control<T, unknown, O>;
  name: N;
  label?: string;
  noneLabel?: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <OwnerSelectField
          label={label}
          noneLabel={noneLabel}
          name={field.name}
          ownerId={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          triggerRef={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/** Who owns a record, by name: "No owner", or "A former member" for someone who has left. */
export function OwnerName({ ownerId }: { ownerId: string | null }) {
  const members = api.members.list.useQuery({});
  if (!ownerId) return 'No owner';
  const owner = members.data?.items.find((member) => member.userId === ownerId);
  if (owner) return owner.name;
  return members.isPending ? 'Loading…' : 'A former member';
}
