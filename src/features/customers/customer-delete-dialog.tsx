'use client';

import { DeleteRecordDialog } from '@/components/delete-record-dialog';
import { useCan } from '@/components/permissions-provider';
import type { DialogOpenState } from '@/components/form-dialog';
import { customerName } from '@/lib/format';
import { api } from '@/trpc/react';

interface Deletable {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
}

/** Confirms a (soft) delete; the toast offers to undo it for those who may restore. */
export function CustomerDeleteDialog({
  customer,
  ...dialog
}: DialogOpenState & { customer: Deletable; onDeleted?: () => void }) {
  const utils = api.useUtils();
  const canRestore = useCan('customers:restore');
  const { id } = customer;
  const refresh = () =>
    Promise.all([utils.customers.list.invalidate(), utils.customers.count.invalidate()]);
  return (
    <DeleteRecordDialog
      {...dialog}
      name={customerName(customer)}
      noun="customer"
      gone="lists, searches and exports"
      remove={() => utils.client.customers.delete.mutate({ id })}
      restore={canRestore ? () => utils.client.customers.restore.mutate({ id }) : undefined}
      refresh={refresh}
      refreshRestored={() => Promise.all([refresh(), utils.customers.get.invalidate({ id })])}
    />
  );
}
