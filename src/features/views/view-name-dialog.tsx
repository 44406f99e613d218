'use client';

import { useId, useState } from 'react';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/form-field';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { describeError } from '@/lib/server-errors';
import { MAX_VIEW_NAME_LENGTH } from '@/schemas/saved-view-constants';

export interface ViewNameValues {
  name: string;
  shared: boolean;
}

/**
 * Names a view: a new one, saved from what the list shows now (and perhaps shared with the
 * organization), or one being renamed.
 */
export function ViewNameDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  pendingLabel,
  initial,
  askShared,
  onSubmit,
  finalFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  submitLabel: string;
  pendingLabel: string;
  initial: ViewNameValues;
  /** Offers "Share with everyone in the organization". */
  askShared: boolean;
  onSubmit: (values: ViewNameValues) => Promise<unknown>;
  finalFocus?: React.RefObject<HTMLElement | null>;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={description}
      finalFocus={finalFocus}
    >
      {/* Mounted with the dialog, so each opening starts from the given values. */}
      {open ? (
        <ViewNameForm
          initial={initial}
          askShared={askShared}
          submitLabel={submitLabel}
          pendingLabel={pendingLabel}
          onSubmit={onSubmit}
          onCancel={() => onOpenChange(false)}
        />
      ) : null}
    </FormDialog>
  );
}

function ViewNameForm({
  initial,
  askShared,
  submitLabel,
  pendingLabel,
  onSubmit,
  onCancel,
}: {
  initial: ViewNameValues;
  askShared: boolean;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: ViewNameValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const sharedId = useId();
  const [name, setName] = useState(initial.name);
  const [shared, setShared] = useState(initial.shared);
  const [pending, setPending] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!name.trim()) {
      setNameError('Give the view a name.');
      return;
    }
    setNameError(undefined);
    setFailure(null);
    setPending(true);
    try {
      await onSubmit({ name: name.trim(), shared });
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form method="post" noValidate className="grid gap-4" onSubmit={(event) => void submit(event)}>
      <TextField
        label="View name"
        name="name"
        autoComplete="off"
        maxLength={MAX_VIEW_NAME_LENGTH}
        value={name}
        error={nameError}
        onChange={(event) => setName(event.target.value)}
      />
      {askShared ? (
        <div className="flex items-center gap-2">
          <Checkbox
            id={sharedId}
            checked={shared}
            onCheckedChange={(checked) => setShared(checked === true)}
          />
          <Label htmlFor={sharedId} className="font-normal">
            Share with everyone in the organization
          </Label>
        </div>
      ) : null}
      <FormError message={failure} />
      <FormDialogActions
        pending={pending}
        submitLabel={submitLabel}
        pendingLabel={pendingLabel}
        onCancel={onCancel}
      />
    </form>
  );
}
