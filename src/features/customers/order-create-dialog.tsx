'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PlusIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
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
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <PlusIcon aria-hidden="true" />
          New order
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>New order</DialogTitle>
          <DialogDescription>
            The order starts as a draft; you can place it from its page.
          </DialogDescription>
        </DialogHeader>
        <OrderForm customerId={customerId} onCancel={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
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
    <form
      method="post"
      noValidate
      className="grid gap-4"
      onSubmit={form.handleSubmit((values) => create.mutate({ customerId, ...values }))}
    >
      <OrderLinesFields form={form} fallbackCurrency={DEFAULTS.currency} />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create order'}
        </Button>
      </DialogFooter>
    </form>
  );
}
