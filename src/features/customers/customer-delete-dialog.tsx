'use client';

import { toast } from '@/lib/toast';
import { useCan } from '@/components/permissions-provider';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
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
    onSuccess: async () => {
      onOpenChange(false);
      toast.success(`${name} was deleted`, {
        action: canRestore ? { label: 'Undo', onClick: () => void undo() } : undefined,
      });
      onDeleted?.();
      await Promise.all([utils.customers.list.invalidate(), utils.customers.count.invalidate()]);
    },
    onError: (error) => toast.error(describeError(error)),
  });

  return (
    <AlertDialog open={open} onOpenChange={(next) => !remove.isPending && onOpenChange(next)}>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          if (finalFocus?.current) {
            event.preventDefault();
            finalFocus.current.focus();
          }
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {name}?</AlertDialogTitle>
          <AlertDialogDescription>
            {name} disappears from lists, searches and exports.
            {canRestore ? ' You can undo this right after.' : null}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={remove.isPending}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            disabled={remove.isPending}
            onClick={(event) => {
              // Stay open until the delete is done, so a failure is seen where it happened.
              event.preventDefault();
              remove.mutate({ id: customer.id });
            }}
          >
            {remove.isPending ? 'Deleting…' : 'Delete customer'}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
