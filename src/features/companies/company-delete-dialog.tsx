'use client';

import { DeleteRecordDialog } from '@/components/delete-record-dialog';
import { useCan } from '@/components/permissions-provider';
import type { DialogOpenState } from '@/components/form-dialog';
import { api } from '@/trpc/react';

/** Confirms a (soft) delete; the toast offers to undo it for those who may restore. */
export function CompanyDeleteDialog({
  company: { id, name },
  ...dialog
}: DialogOpenState & { company: { id: string; name: string }; onDeleted?: () => void }) {
  const utils = api.useUtils();
  const canRestore = useCan('companies:restore');
  return (
    <DeleteRecordDialog
      {...dialog}
      name={name}
      noun="company"
      gone="lists and searches"
      remove={() => utils.client.companies.delete.mutate({ id })}
      restore={canRestore ? () => utils.client.companies.restore.mutate({ id }) : undefined}
      refresh={() => Promise.all([utils.companies.list.invalidate(), utils.customers.invalidate()])}
      refreshRestored={() =>
        Promise.all([utils.companies.invalidate(), utils.customers.invalidate()])
      }
    />
  );
}
