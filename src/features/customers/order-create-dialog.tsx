'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PlusIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { Button } from '@/components/ui/button';
import { OrderLinesFields } from '@/features/orders/order-lines-fields';
import {
  applyOrderLinesErrors,
  EMPTY_LINE,
  orderLinesForm,
  type OrderLinesFormInput,
  type OrderLinesFormOutput,
} from '@/features/orders/order-lines-form';
import { describeError } from '@/lib/server-errors';
import { api } from '@/trpc/react';

const DEFAULTS: OrderLinesFormInput = { currency: 'USD', lines: [EMPTY_LINE] };

/** A draft order for this customer: its currency and lines; the server computes the totals. */
export function OrderCreateDialog({ customerId }: { customerId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <FormDialog
      trigger={
        <Button>
          <PlusIcon aria-hidden="true" />
          New order
        </Button>
      }
      open={open}
      onOpenChange={setOpen}
      className="sm:max-w-2xl"
      title="New order"
      description="The order starts as a draft; you can place it from its page."
    >
      <OrderForm customerId={customerId} onCancel={() => setOpen(false)} />
    </FormDialog>
  );
}

function OrderForm({ customerId, onCancel }: { customerId: string; onCancel: () => void }) {
  const router = useRouter();
  const utils = api.useUtils();
  const form = useForm<OrderLinesFormInput, unknown, OrderLinesFormOutput>({
    resolver: zodResolver(orderLinesForm),
    defaultValues: DEFAULTS,
  });
  const create = api.orders.create.useMutation({
    onSuccess: async (order) => {
      toast.success(`Order #${String(order.number)} was created`);
      router.push(`/orders/${order.id}`);
      await Promise.all([utils.orders.invalidate(), utils.audit.list.invalidate()]);
    },
    onError: (error) => {
      if (!applyOrderLinesErrors(error, form)) toast.error(describeError(error));
    },
  });

  return (
    <PostForm onSubmit={form.handleSubmit((values) => create.mutate({ customerId, ...values }))}>
      <OrderLinesFields form={form} fallbackCurrency={DEFAULTS.currency} />
      <FormDialogActions
        pending={create.isPending}
        submitLabel="Create order"
        pendingLabel="Creating…"
        onCancel={onCancel}
      />
    </PostForm>
  );
}
