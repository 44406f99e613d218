'use client';

import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { Deal } from '@/schemas/deals';
import { api } from '@/trpc/react';

/** Confirms a (soft) delete; the toast offers to undo it. */
export function DealDeleteDialog({
  deal,
  open,
  onOpenChange,
  onDeleted,
  finalFocus,
}: {
  deal: Deal;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted: () => void;
  finalFocus?: React.RefObject<HTMLElement | null>;
}) {
  const utils = api.useUtils();
  const refresh = () =>
    Promise.all([
      utils.deals.board.invalidate(),
      utils.deals.list.invalidate(),
      utils.deals.get.invalidate({ id: deal.id }),
      utils.dashboard.invalidate(),
    ]);

  // The toast outlives this dialog (and the page), so the undo uses the plain client.
  async function undo() {
    try {
      await utils.client.deals.restore.mutate({ id: deal.id });
      toast.success(`${deal.title} was restored`);
      await refresh();
    } catch (error) {
      toast.error(describeError(error));
    }
  }

  const remove = api.deals.delete.useMutation({
    onSuccess: () => {
      toast.success(`${deal.title} was deleted`, {
        action: { label: 'Undo', onClick: () => void undo() },
      });
      onDeleted();
      void refresh();
    },
  });

  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={onOpenChange}
      finalFocus={finalFocus}
      title={`Delete ${deal.title}?`}
      description={`${deal.title} disappears from the board, lists and figures. You can undo this right after.`}
      confirmLabel="Delete deal"
      pendingLabel="Deleting…"
      onConfirm={() => remove.mutateAsync({ id: deal.id })}
    />
  );
}
