'use client';

import { TagIcon, Trash2Icon, UserRoundIcon, XIcon } from 'lucide-react';
import { useState } from 'react';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { api, type RouterInputs } from '@/trpc/react';
import { companiesLabel, CompanyOwnerDialog, CompanyTagDialog } from './company-bulk-dialogs';

type Dialogs = 'addTag' | 'removeTag' | 'assignOwner' | 'delete' | null;
type BulkCompanyChange = RouterInputs['companies']['bulkUpdate']['change'];

/** What can be done to the selected companies at once, for those allowed to. */
export function CompanyBulkActionsBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const canEdit = useCan('companies:write');
  const canDelete = useCan('companies:delete');
  const canRestore = useCan('companies:restore');
  const [open, setOpen] = useState<Dialogs>(null);
  const utils = api.useUtils();
  const finish = async () => {
    setOpen(null);
    onDone();
    await utils.companies.invalidate();
  };
  const update = api.companies.bulkUpdate.useMutation({
    onSuccess: async (result) => {
      toast.success(
        `${companiesLabel(result.items.length)} changed` +
          (result.unchanged > 0 ? `, ${result.unchanged} already were as asked` : ''),
      );
      await finish();
    },
    onError: (error) => toast.error(describeError(error)),
  });
  // The toast outlives the selection, so the undo uses the plain client.
  async function undoDelete(deleted: string[]) {
    try {
      for (const id of deleted) await utils.client.companies.restore.mutate({ id });
      toast.success(`${companiesLabel(deleted.length)} restored`);
    } catch (error) {
      toast.error(describeError(error));
    }
    await utils.companies.invalidate();
  }
  const remove = api.companies.bulkDelete.useMutation({
    onSuccess: async (result) => {
      const deleted = result.items.map((company) => company.id);
      toast.success(`${companiesLabel(deleted.length)} deleted`, {
        action: canRestore ? { label: 'Undo', onClick: () => void undoDelete(deleted) } : undefined,
      });
      await finish();
    },
  });
  const change = (value: BulkCompanyChange) => update.mutate({ ids, change: value });

  return (
    <div
      role="region"
      aria-label="Selected companies"
      className="flex flex-wrap items-center gap-2 rounded-lg border bg-background px-3 py-2"
    >
      <span className="text-sm font-medium" aria-live="polite">
        {companiesLabel(ids.length)} selected
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

      <CompanyTagDialog
        mode={open === 'removeTag' ? 'removeTag' : 'addTag'}
        open={open === 'addTag' || open === 'removeTag'}
        count={ids.length}
        pending={update.isPending}
        onCancel={() => setOpen(null)}
        onSubmit={(tag) => change({ type: open === 'removeTag' ? 'removeTag' : 'addTag', tag })}
      />
      <CompanyOwnerDialog
        open={open === 'assignOwner'}
        count={ids.length}
        pending={update.isPending}
        onCancel={() => setOpen(null)}
        onSubmit={(ownerId) => change({ type: 'assignOwner', ownerId })}
      />
      <ConfirmDestructiveDialog
        open={open === 'delete'}
        onOpenChange={(next) => !next && setOpen(null)}
        title={`Delete ${companiesLabel(ids.length)}?`}
        description="They disappear from lists and searches."
        confirmLabel={`Delete ${companiesLabel(ids.length)}`}
        pendingLabel="Deleting…"
        onConfirm={() => remove.mutateAsync({ ids })}
      />
    </div>
  );
}
