'use client';

import { RefreshCwIcon, TriangleAlertIcon } from 'lucide-react';
import { useState } from 'react';
import { FormDialog, FormDialogActions, type DialogOpenState } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describeError, isStaleVersion } from '@/lib/server-errors';
import { toast } from '@/lib/toast';

/**
 * The version of a record an edit form started from. An update carries it, so a change someone
 * else saved meanwhile is never silently overwritten: when the server refuses the update as
 * stale, `conflict` holds until `reload` fetches the latest version and hands it to
 * `onReloaded`, for the form to start over from it.
 */
export function useVersionedRecord<T>(
  record: T,
  {
    fetchLatest,
    onReloaded,
  }: {
    fetchLatest: (base: T) => Promise<T>;
    onReloaded: (fresh: T) => void;
  },
) {
  const [base, setBase] = useState(record);
  const [conflict, setConflict] = useState(false);
  return {
    base,
    conflict,
    /** For a mutation's onError: whether the error was a stale version (now shown). */
    caughtConflict(error: unknown) {
      if (isStaleVersion(error)) setConflict(true);
      return isStaleVersion(error);
    },
    async reload() {
      const fresh = await fetchLatest(base);
      setBase(fresh);
      onReloaded(fresh);
      setConflict(false);
    },
  };
}

/** A dialog that edits `name`; its form is mounted only while it is open. */
export function EditDialog({
  name,
  open,
  onOpenChange,
  finalFocus,
  className,
  children,
}: DialogOpenState & {
  name: string;
  className?: string;
  /** The form, given what closes the dialog once it is done. */
  children: (done: () => void) => React.ReactNode;
}) {
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      className={className}
      finalFocus={finalFocus}
      title={`Edit ${name}`}
      description="Changes are saved for everyone in your organization and recorded in the audit trail."
    >
      {/* Mounted only while open, so each opening starts from the record as it is now. */}
      {children(() => onOpenChange(false))}
    </FormDialog>
  );
}

/**
 * The form of an edit: what to do about a stale version when the server refused one, the
 * fields, then Cancel and "Save changes" (held back until the latest version is reloaded).
 */
export function VersionedEditForm({
  what,
  version,
  pending,
  onSubmit,
  onCancel,
  children,
}: {
  /** What is edited, to say that it changed meanwhile: "customer". */
  what: string;
  version: ReturnType<typeof useVersionedRecord>;
  pending: boolean;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  return (
    <PostForm onSubmit={onSubmit}>
      {version.conflict ? <StaleVersionAlert what={what} onReload={version.reload} /> : null}
      {children}
      <FormDialogActions
        pending={pending}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        submitDisabled={version.conflict}
        onCancel={onCancel}
      />
    </PostForm>
  );
}

/** Says that `what` (a customer, a deal) changed since it was read, with a way to reload it. */
function StaleVersionAlert({ what, onReload }: { what: string; onReload: () => Promise<void> }) {
  const [reloading, setReloading] = useState(false);

  async function reload() {
    setReloading(true);
    try {
      await onReload();
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setReloading(false);
    }
  }

  return (
    <Alert variant="destructive">
      <TriangleAlertIcon aria-hidden="true" />
      <AlertTitle>Someone else changed this {what} meanwhile</AlertTitle>
      <AlertDescription>
        <p>
          Your changes were not saved. Reload to see the latest version, then make your changes
          again.
        </p>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => void reload()}
          disabled={reloading}
        >
          <RefreshCwIcon aria-hidden="true" />
          {reloading ? 'Reloading…' : 'Reload'}
        </Button>
      </AlertDescription>
    </Alert>
  );
}
