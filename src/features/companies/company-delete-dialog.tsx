'use client';

import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { useCan } from '@/components/permissions-provider';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import { api } from '@/trpc/react';

/** Confirms a (soft) delete; the toast offers to undo it for those who may restore. */
export function CompanyDeleteDialog({
  company,
  open,
  onOpenChange,
  onDeleted,
  finalFocus,
}: {
  company: { id: string; name: string };
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted?: () => void;
  finalFocus?: React.RefObject<HTMLElement | null>;
}) {
  const utils = api.useUtils();
  const canRestore = useCan('companies:restore');
  const { name } = company;

  // The toast outlives this dialog (and often the page), so the undo uses the plain client.
  async function undo() {
    try {
      await utils.client.companies.restore.mutate({ id: company.id });
      toast.success(`${name} was restored`);
    } catch (error) {
      toast.error(describeError(error));
    }
    await Promise.all([utils.companies.invalidate(), utils.customers.invalidate()]);
  }

  const remove = api.companies.delete.useMutation({
    onSuccess: () => {
      toast.success(`${name} was deleted`, {
        action: canRestore ? { label: 'Undo', onClick: () => void undo() } : undefined,
      });
      onDeleted?.();
      void Promise.all([utils.companies.list.invalidate(), utils.customers.invalidate()]);
    },
  });

  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={onOpenChange}
      finalFocus={finalFocus}
      title={`Delete ${name}?`}
      description={`${name} disappears from lists and searches.${canRestore ? ' You can undo this right after.' : ''}`}
      confirmLabel="Delete company"
      pendingLabel="Deleting…"
      onConfirm={() => remove.mutateAsync({ id: company.id })}
    />
  );
}
