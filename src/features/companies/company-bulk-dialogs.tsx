'use client';

import { useState } from 'react';
import { TextField } from '@/components/form-field';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { OwnerSelectField } from '@/features/customers/owner-select-field';
import { tag as tagSchema } from '@/schemas/customers';

/** "1 company", "3 companies". */
export const companiesLabel = (n: number) => `${n} ${n === 1 ? 'company' : 'companies'}`;

interface BulkChangeDialogProps<T> {
  open: boolean;
  /** How many companies the change is for. */
  count: number;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (value: T) => void;
}

/** Asks for the tag to add to, or remove from, the selected companies. */
export function CompanyTagDialog({
  mode,
  open,
  count,
  pending,
  onCancel,
  onSubmit,
}: BulkChangeDialogProps<string> & { mode: 'addTag' | 'removeTag' }) {
  const adding = mode === 'addTag';
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => !next && !pending && onCancel()}
      title={adding ? 'Add a tag' : 'Remove a tag'}
      description={`${adding ? 'To' : 'From'} ${companiesLabel(count)}.`}
    >
      <PostForm
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = tagSchema.safeParse(value);
          if (!parsed.success) {
            setError(parsed.error.issues[0]?.message ?? 'is not a valid tag');
            return;
          }
          setError(undefined);
          setValue('');
          onSubmit(parsed.data);
        }}
      >
        <TextField
          label="Tag"
          value={value}
          autoComplete="off"
          maxLength={50}
          error={error}
          onChange={(event) => setValue(event.target.value)}
        />
        <FormDialogActions
          pending={pending}
          submitLabel={adding ? 'Add tag' : 'Remove tag'}
          pendingLabel="Saving…"
        />
      </PostForm>
    </FormDialog>
  );
}

/** Asks for the member who is to own the selected companies, or for nobody. */
export function CompanyOwnerDialog({
  open,
  count,
  pending,
  onCancel,
  onSubmit,
}: BulkChangeDialogProps<string | null>) {
  const [ownerId, setOwnerId] = useState<string | null>(null);
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => !next && !pending && onCancel()}
      title="Assign an owner"
      description={`For ${companiesLabel(count)}.`}
    >
      <PostForm
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(ownerId);
        }}
      >
        <OwnerSelectField ownerId={ownerId} onChange={setOwnerId} />
        <FormDialogActions pending={pending} submitLabel="Assign owner" pendingLabel="Saving…" />
      </PostForm>
    </FormDialog>
  );
}
