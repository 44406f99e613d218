'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from '@/lib/toast';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { TextField } from '@/components/form-field';
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
  const confirmed = typed.trim() === CONFIRMATION;

  const erase = api.customers.erase.useMutation({
    onSuccess: (result) => {
      toast.success(
        `${name} was erased: ${plural(result.interactionsDeleted, 'timeline entry', 'timeline entries')} ` +
          `deleted, ${plural(result.ordersDetached, 'order', 'orders')} kept without the customer.`,
      );
      router.push('/customers');
      void Promise.all([
        utils.customers.list.invalidate(),
        utils.customers.count.invalidate(),
        utils.orders.invalidate(),
      ]);
    },
  });

  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setTyped('');
        onOpenChange(next);
      }}
      title={`Erase ${name} permanently?`}
      description={
        <>
          <p>This fulfils a request to be forgotten and cannot be undone:</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>the customer and their timeline (notes, calls, e-mails, meetings) are deleted;</li>
            <li>their orders are kept for your accounts, without the customer;</li>
            <li>
              audit entries about them are replaced by tombstones that record only that something
              was erased.
            </li>
          </ul>
          <p>Download their data first if you need to send it to them.</p>
        </>
      }
      confirmLabel="Erase permanently"
      pendingLabel="Erasing…"
      confirmDisabled={!confirmed}
      onConfirm={() => erase.mutateAsync({ id: customerId })}
    >
      <TextField
        label={`Type ${CONFIRMATION} to confirm`}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
    </ConfirmDestructiveDialog>
  );
}
