'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { PostForm } from '@/components/post-form';
import { SubmitButton } from '@/components/submit-button';
import { describeError } from '@/lib/server-errors';
import { api, type RouterOutputs } from '@/trpc/react';
import { OrderLinesFields } from './order-lines-fields';
import {
  applyOrderLinesErrors,
  orderLinesForm,
  orderLinesFormValues,
  type OrderLinesFormInput,
  type OrderLinesFormOutput,
} from './order-lines-form';

type Order = RouterOutputs['orders']['get'];

/** The currency and lines of a draft order, saved over the version that was read. */
export function OrderLinesEditor({ order, onDone }: { order: Order; onDone: () => void }) {
  const utils = api.useUtils();
  const form = useForm<OrderLinesFormInput, unknown, OrderLinesFormOutput>({
    resolver: zodResolver(orderLinesForm),
    defaultValues: orderLinesFormValues(order),
  });
  const save = api.orders.updateLines.useMutation({
    onSuccess: (updated) => {
      utils.orders.get.setData({ id: updated.id }, updated);
      void utils.orders.list.invalidate();
      void utils.orders.listForCustomer.invalidate();
      toast.success(`The lines of order #${updated.number} were saved`);
      onDone();
    },
    onError: (error) => {
      if (error.data?.code === 'CONFLICT') {
        // Changed by someone else, or no longer a draft: show the order as it is now.
        toast.error(error.message);
        void utils.orders.get.invalidate({ id: order.id });
        return;
      }
      if (!applyOrderLinesErrors(error, form)) toast.error(describeError(error));
    },
  });

  return (
    <PostForm
      aria-label={`Edit the lines of order #${order.number}`}
      onSubmit={form.handleSubmit((values) =>
        save.mutate({ id: order.id, expectedVersion: order.version, ...values }),
      )}
    >
      <OrderLinesFields form={form} fallbackCurrency={order.currency} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save lines
        </SubmitButton>
        <Button type="button" variant="outline" onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
      </div>
    </PostForm>
  );
}
