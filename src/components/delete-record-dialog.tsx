'use client';

import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import type { DialogOpenState } from '@/components/form-dialog';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';

/**
 * Confirms a (soft) delete of the record called `name`. Once deleted, the toast offers to undo
 * it when `restore` is given; the toast outlives the dialog (and often the page), so `restore`
 * goes through the plain client.
 */
export function DeleteRecordDialog({
  name,
  noun,
  gone,
  remove,
  restore,
  refresh,
  refreshRestored = refresh,
  onDeleted,
  ...dialog
}: DialogOpenState & {
  name: string;
  /** What the record is: "customer" makes the button "Delete customer". */
  noun: string;
  /** Where the record disappears from: "lists and searches". */
  gone: string;
  remove: () => Promise<unknown>;
  restore?: () => Promise<unknown>;
  /** Refreshes what the delete changed. */
  refresh: () => Promise<unknown>;
  /** Refreshes what undoing it changed, when that is more. */
  refreshRestored?: () => Promise<unknown>;
  onDeleted?: () => void;
}) {
  async function undo(restoreIt: () => Promise<unknown>) {
    try {
      await restoreIt();
      toast.success(`${name} was restored`);
    } catch (error) {
      toast.error(describeError(error));
    }
    await refreshRestored();
  }

  async function confirm() {
    await remove();
    toast.success(`${name} was deleted`, {
      action: restore ? { label: 'Undo', onClick: () => void undo(restore) } : undefined,
    });
    onDeleted?.();
    void refresh();
  }

  return (
    <ConfirmDestructiveDialog
      {...dialog}
      title={`Delete ${name}?`}
      description={`${name} disappears from ${gone}.${restore ? ' You can undo this right after.' : ''}`}
      confirmLabel={`Delete ${noun}`}
      pendingLabel="Deleting…"
      onConfirm={confirm}
    />
  );
}
