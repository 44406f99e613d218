'use client';

import { TagIcon, Trash2Icon, UserRoundIcon, XIcon } from 'lucide-react';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { useCan } from '@/components/permissions-provider';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import type { BulkCustomerChange } from '@/schemas/customers';
import { api } from '@/trpc/react';
import { customersLabel, OwnerDialog, TagDialog } from './bulk-change-dialogs';

type Dialogs = 'addTag' | 'removeTag' | 'assignOwner' | 'delete' | null;

/** What can be done to the selected customers at once, for those allowed to. */
export function BulkActionsBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const canEdit = useCan('customers:write');
  const canDelete = useCan('customers:delete');
  const [open, setOpen] = useState<Dialogs>(null);
  const utils = api.useUtils();
  const finish = async () => {
    setOpen(null);
    onDone();
    await Promise.all([utils.customers.invalidate(), utils.dashboard.invalidate()]);
  };
  const update = api.customers.bulkUpdate.useMutation({
    onSuccess: async (result) => {
      toast.success(
        `${customersLabel(result.items.length)} changed` +
          (result.unchanged > 0 ? `, ${result.unchanged} already were as asked` : ''),
      );
      await finish();
    },
    onError: (error) => toast.error(describeError(error)),
  });
  const canRestore = useCan('customers:restore');
  // The toast outlives the selection, so the undo uses the plain client.
  async function undoDelete(deleted: string[]) {
    try {
      for (const id of deleted) await utils.client.customers.restore.mutate({ id });
      toast.success(`${customersLabel(deleted.length)} restored`);
    } catch (error) {
      toast.error(describeError(error));
    }
    await utils.customers.invalidate();
  }
  const remove = api.customers.bulkDelete.useMutation({
    onSuccess: async (result) => {
      const deleted = result.items.map((customer) => customer.id);
      toast.success(`${customersLabel(deleted.length)} deleted`, {
        action: canRestore ? { label: 'Undo', onClick: () => void undoDelete(deleted) } : undefined,
      });
      await finish();
    },
  });
  const change = (value: BulkCustomerChange) => update.mutate({ ids, change: value });

  return (
    <div
      role="region"
      aria-label="Selected customers"
      className="flex flex-wrap items-center gap-2 rounded-lg border bg-background px-3 py-2"
    >
      <span className="text-sm font-medium" aria-live="polite">
        {customersLabel(ids.length)} selected
      </span>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {canEdit ? (
          <>
            <Button variant="outline" size="sm" onClick={() => setOpen('addTag')}>
              <TagIcon aria-hidden="true" />
              Add tag
            </Button>
            <Button variant="outline" size="sm" onClick={() => setOpen('removeTag')}>
              Remove tag
            </Button>
            <Button variant="outline" size="sm" onClick={() => setOpen('assignOwner')}>
              <UserRoundIcon aria-hidden="true" />
              Assign owner
            </Button>
          </>
        ) : null}
        {canDelete ? (
          <Button variant="outline" size="sm" onClick={() => setOpen('delete')}>
            <Trash2Icon aria-hidden="true" />
            Delete
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" onClick={onDone}>
          <XIcon aria-hidden="true" />
          Clear selection
        </Button>
      </div>

      <TagDialog
        mode={open === 'removeTag' ? 'removeTag' : 'addTag'}
        open={open === 'addTag' || open === 'removeTag'}
        count={ids.length}
        pending={update.isPending}
        onCancel={() => setOpen(null)}
        onSubmit={(tag) => change({ type: open === 'removeTag' ? 'removeTag' : 'addTag', tag })}
      />
      <OwnerDialog
        open={open === 'assignOwner'}
        count={ids.length}
        pending={update.isPending}
        onCancel={() => setOpen(null)}
        onSubmit={(ownerId) => change({ type: 'assignOwner', ownerId })}
      />
      <ConfirmDestructiveDialog
        open={open === 'delete'}
        onOpenChange={(next) => !next && setOpen(null)}
        title={`Delete ${customersLabel(ids.length)}?`}
        description="They disappear from lists and searches."
        confirmLabel={`Delete ${customersLabel(ids.length)}`}
        pendingLabel="Deleting…"
        onConfirm={() => remove.mutateAsync({ ids })}
      />
    </div>
  );
}
