'use client';

import { DeleteRecordDialog } from '@/components/delete-record-dialog';
import type { DialogOpenState } from '@/components/form-dialog';
import type { Deal } from '@/schemas/deals';
import { api } from '@/trpc/react';

/** Confirms a (soft) delete; the toast offers to undo it. */
export function DealDeleteDialog({
  deal: { id, title },
  ...dialog
}: DialogOpenState & { deal: Deal; onDeleted: () => void }) {
  const utils = api.useUtils();
  return (
    <DeleteRecordDialog
      {...dialog}
      name={title}
      noun="deal"
      gone="the board, lists and figures"
      remove={() => utils.client.deals.delete.mutate({ id })}
      restore={() => utils.client.deals.restore.mutate({ id })}
      refresh={() =>
        Promise.all([
          utils.deals.board.invalidate(),
          utils.deals.list.invalidate(),
          utils.deals.get.invalidate({ id }),
          utils.dashboard.invalidate(),
        ])
      }
    />
  );
}
