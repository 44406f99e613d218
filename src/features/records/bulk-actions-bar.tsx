'use client';

import { TagIcon, Trash2Icon, UserRoundIcon, XIcon } from 'lucide-react';
import { useState } from 'react';
import { FLOATING_BAR_CLASSES, useFloatingBar } from '@/lib/floating-bars';
import { toast } from '@/lib/toast';
import { useCan } from '@/components/permissions-provider';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import type { BulkCustomerChange } from '@/schemas/customers';
import { api } from '@/trpc/react';
import { OwnerDialog, TagDialog } from './bulk-change-dialogs';

/** The lists whose rows can be selected and changed together. */
export type BulkKind = 'customers' | 'companies';

const NOUNS: Record<BulkKind, { one: string; many: string }> = {
  customers: { one: 'customer', many: 'customers' },
  companies: { one: 'company', many: 'companies' },
};

/** "1 customer", "3 companies". */
export function countOf(kind: BulkKind, n: number) {
  const { one, many } = NOUNS[kind];
  return `${n} ${n === 1 ? one : many}`;
}

type Dialogs = 'addTag' | 'removeTag' | 'assignOwner' | 'delete' | null;

/** What can be done to the selected customers or companies at once, for those allowed to. */
export function BulkActionsBar({
  kind,
  ids,
  onDone,
}: {
  kind: BulkKind;
  ids: string[];
  onDone: () => void;
}) {
  const canEdit = useCan(`${kind}:write`);
  const canDelete = useCan(`${kind}:delete`);
  const canRestore = useCan(`${kind}:restore`);
  const [open, setOpen] = useState<Dialogs>(null);
  const [placeBar, barBottom] = useFloatingBar<HTMLDivElement>();
  const utils = api.useUtils();
  const label = (n: number) => countOf(kind, n);
  const refresh = () => Promise.all([utils[kind].invalidate(), utils.dashboard.invalidate()]);
  const finish = async () => {
    setOpen(null);
    onDone();
    await refresh();
  };
  const update = api[kind].bulkUpdate.useMutation({
    onSuccess: async (result) => {
      toast.success(
        `${label(result.items.length)} changed` +
          (result.unchanged > 0 ? `, ${result.unchanged} already were as asked` : ''),
      );
      await finish();
    },
    onError: (error) => toast.error(describeError(error)),
  });
  // The toast outlives the selection, so the undo uses the plain client.
  async function undoDelete(deleted: string[]) {
    try {
      for (const id of deleted) await utils.client[kind].restore.mutate({ id });
      toast.success(`${label(deleted.length)} restored`);
    } catch (error) {
      toast.error(describeError(error));
    }
    await utils[kind].invalidate();
  }
  const remove = api[kind].bulkDelete.useMutation({
    onSuccess: async (result) => {
      const deleted = result.items.map((item) => item.id);
      toast.success(`${label(deleted.length)} deleted`, {
        action: canRestore ? { label: 'Undo', onClick: () => void undoDelete(deleted) } : undefined,
      });
      await finish();
    },
  });
  const change = (value: BulkCustomerChange) => update.mutate({ ids, change: value });

  return (
    <div
      role="region"
      aria-label={`Selected ${NOUNS[kind].many}`}
      ref={placeBar}
      style={{ bottom: barBottom }}
      className={FLOATING_BAR_CLASSES}
    >
      <span className="text-sm font-medium" aria-live="polite">
        {label(ids.length)} selected
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
        records={label(ids.length)}
        pending={update.isPending}
        onCancel={() => setOpen(null)}
        onSubmit={(tag) => change({ type: open === 'removeTag' ? 'removeTag' : 'addTag', tag })}
      />
      <OwnerDialog
        open={open === 'assignOwner'}
        records={label(ids.length)}
        pending={update.isPending}
        onCancel={() => setOpen(null)}
        onSubmit={(ownerId) => change({ type: 'assignOwner', ownerId })}
      />
      <ConfirmDestructiveDialog
        open={open === 'delete'}
        onOpenChange={(next) => !next && setOpen(null)}
        title={`Delete ${label(ids.length)}?`}
        description="They disappear from lists and searches."
        confirmLabel={`Delete ${label(ids.length)}`}
        pendingLabel="Deleting…"
        onConfirm={() => remove.mutateAsync({ ids })}
      />
    </div>
  );
}
