'use client';

import { useState } from 'react';
import { TextField } from '@/components/form-field';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { tag as tagSchema } from '@/schemas/customers';
import { OwnerSelectField } from '@/features/members/owner-fields';

interface BulkChangeDialogProps<T> {
  open: boolean;
  /** The records the change is for, counted: "3 customers". */
  records: string;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (value: T) => void;
}

/** Asks for the tag to add to, or remove from, the selected records. */
export function TagDialog({
  mode,
  open,
  records,
  pending,
  onCancel,
  onSubmit,
}: BulkChangeDialogProps<string> & { mode: 'addTag' | 'removeTag' }) {
  const adding = mode === 'addTag';
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => !next && !pending && onCancel()}
      title={adding ? 'Add a tag' : 'Remove a tag'}
      description={`${adding ? 'To' : 'From'} ${records}.`}
    >
      <TagForm
        submitLabel={adding ? 'Add tag' : 'Remove tag'}
        pending={pending}
        onSubmit={onSubmit}
      />
    </FormDialog>
  );
}

function TagForm({
  submitLabel,
  pending,
  onSubmit,
}: {
  submitLabel: string;
  pending: boolean;
  onSubmit: (tag: string) => void;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  return (
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
      <FormDialogActions pending={pending} submitLabel={submitLabel} pendingLabel="Saving…" />
    </PostForm>
  );
}

/** Asks for the member who is to own the selected records, or for nobody. */
export function OwnerDialog({
  open,
  records,
  pending,
  onCancel,
  onSubmit,
}: BulkChangeDialogProps<string | null>) {
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => !next && !pending && onCancel()}
      title="Assign an owner"
      description={`For ${records}.`}
    >
      <OwnerForm pending={pending} onSubmit={onSubmit} />
    </FormDialog>
  );
}

function OwnerForm({
  pending,
  onSubmit,
}: {
  pending: boolean;
  onSubmit: (ownerId: string | null) => void;
}) {
  const [ownerId, setOwnerId] = useState<string | null>(null);
  return (
    <PostForm
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(ownerId);
      }}
    >
      <OwnerSelectField ownerId={ownerId} onChange={setOwnerId} />
      <FormDialogActions pending={pending} submitLabel="Assign owner" pendingLabel="Saving…" />
    </PostForm>
  );
}
