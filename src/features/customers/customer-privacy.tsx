'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { toast } from '@/lib/toast';
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
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';

const CONFIRMATION = 'ERASE';

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** Downloads everything held about a customer as `customer-{id}.json` (a GDPR access request). */
export function useDownloadCustomerData(customerId: string) {
  const utils = api.useUtils();
  const [pending, setPending] = useState(false);

  async function download() {
    setPending(true);
    try {
      const data = await utils.customers.exportData.fetch({ id: customerId }, { staleTime: 0 });
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `customer-${customerId}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      // Give the browser a moment to start the download before the data is let go.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      toast.success(`The customer's data was downloaded as customer-${customerId}.json`);
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setPending(false);
    }
  }

  return { download, pending };
}

/**
 * GDPR erasure, which cannot be undone: asks for ERASE to be typed before it runs, then leaves
 * the page (the customer no longer exists).
 */
export function CustomerEraseDialog({
  customerId,
  name,
  open,
  onOpenChange,
}: {
  customerId: string;
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const utils = api.useUtils();
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const confirmed = typed.trim() === CONFIRMATION;

  const erase = api.customers.erase.useMutation({
    onSuccess: async (result) => {
      toast.success(
        `${name} was erased: ${plural(result.interactionsDeleted, 'timeline entry', 'timeline entries')} ` +
          `deleted, ${plural(result.ordersDetached, 'order', 'orders')} kept without the customer.`,
      );
      onOpenChange(false);
      router.push('/customers');
      await Promise.all([
        utils.customers.list.invalidate(),
        utils.customers.count.invalidate(),
        utils.orders.invalidate(),
      ]);
    },
    onError: (error) => toast.error(describeError(error)),
  });

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (erase.isPending) return;
        if (!next) setTyped('');
        onOpenChange(next);
      }}
    >
      <AlertDialogContent>
        <form
          method="post"
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (confirmed && !erase.isPending) erase.mutate({ id: customerId });
          }}
        >
          <AlertDialogHeader>
            <AlertDialogTitle>Erase {name} permanently?</AlertDialogTitle>
            <AlertDialogDescription asChild>
              <div className="grid gap-2">
                <p>This fulfils a request to be forgotten and cannot be undone:</p>
                <ul className="list-disc space-y-1 pl-5">
                  <li>
                    the customer and their timeline (notes, calls, e-mails, meetings) are deleted;
                  </li>
                  <li>their orders are kept for your accounts, without the customer;</li>
                  <li>
                    audit entries about them are replaced by tombstones that record only that
                    something was erased.
                  </li>
                </ul>
                <p>Download their data first if you need to send it to them.</p>
              </div>
            </AlertDialogDescription>
          </AlertDialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={inputId}>Type {CONFIRMATION} to confirm</Label>
            <Input
              id={inputId}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
          <AlertDialogFooter>
            <AlertDialogCancel type="button" disabled={erase.isPending}>
              Cancel
            </AlertDialogCancel>
            <AlertDialogAction
              type="submit"
              variant="destructive"
              disabled={!confirmed || erase.isPending}
              onClick={(event) => {
                // Keep the dialog open until the erasure is done, so a failure is seen here.
                event.preventDefault();
                if (confirmed && !erase.isPending) erase.mutate({ id: customerId });
              }}
            >
              {erase.isPending ? 'Erasing…' : 'Erase permanently'}
            </AlertDialogAction>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
