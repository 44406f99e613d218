'use client';

import { toast } from '@/lib/toast';
import { useCan } from '@/components/permissions-provider';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { customerName } from '@/lib/format';
import { describeError } from '@/lib/server-errors';
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
  open,
  onOpenChange,
  onDeleted,
  finalFocus,
}: {
  customer: Deletable;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted?: () => void;
  finalFocus?: React.RefObject<HTMLElement | null>;
}) {
  const utils = api.useUtils();
  const canRestore = useCan('customers:restore');
  const name = customerName(customer);

  const refresh = () =>
    Promise.all([
      utils.customers.list.invalidate(),
      utils.customers.count.invalidate(),
      utils.customers.get.invalidate({ id: customer.id }),
    ]);

  // The toast outlives this dialog (and often the page), so the undo uses the plain client.
  async function undo() {
    try {
      await utils.client.customers.restore.mutate({ id: customer.id });
      toast.success(`${name} was restored`);
      await refresh();
    } catch (error) {
      toast.error(describeError(error));
    }
  }

  const remove = api.customers.delete.useMutation({
    onSuccess: () => {
      toast.success(`${name} was deleted`, {
        action: canRestore ? { label: 'Undo', onClick: () => void undo() } : undefined,
      });
      onDeleted?.();
      void Promise.all([utils.customers.list.invalidate(), utils.customers.count.invalidate()]);
    },
  });

  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={onOpenChange}
      finalFocus={finalFocus}
      title={`Delete ${name}?`}
      description={`${name} disappears from lists, searches and exports.${canRestore ? ' You can undo this right after.' : ''}`}
      confirmLabel="Delete customer"
      pendingLabel="Deleting…"
      onConfirm={() => remove.mutateAsync({ id: customer.id })}
    />
  );
}
