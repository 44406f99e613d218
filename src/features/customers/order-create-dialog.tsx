'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PlusIcon, XIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { z } from 'zod';
import { TextField } from '@/components/form-field';
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
import { formatMoney } from '@/lib/format';
import { describeError } from '@/lib/server-errors';
import {
  currency,
  MAX_LINES,
  MAX_UNIT_PRICE_CENTS,
  orderLineInput,
  type OrderCreateInput,
} from '@/schemas/orders';
import { api } from '@/trpc/react';
import { issuesOf } from '@/lib/server-errors';

/** A number typed into a text box: required, then checked as the server checks it. */
const typedNumber = <T extends z.ZodType<number, number>>(schema: T) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .pipe(z.coerce.number<string>({ error: 'must be a number' }))
    .pipe(schema);

const lineForm = z.object({
  description: orderLineInput.shape.description,
  quantity: typedNumber(orderLineInput.shape.quantity),
  /** In major units (dollars); sent as whole cents. */
  unitPrice: typedNumber(
    z
      .number()
      .min(0, 'must not be negative')
      .max(MAX_UNIT_PRICE_CENTS / 100, 'is too large'),
  ),
});

export const orderForm = z.object({
  currency,
  lines: z
    .array(lineForm)
    .min(1, 'an order needs at least one line')
    .max(MAX_LINES, `at most ${MAX_LINES} lines`),
});
type OrderFormInput = z.input<typeof orderForm>;
type OrderFormValues = z.output<typeof orderForm>;

const EMPTY_LINE: OrderFormInput['lines'][number] = {
  description: '',
  quantity: '1',
  unitPrice: '',
};
const DEFAULTS: OrderFormInput = { currency: 'USD', lines: [EMPTY_LINE] };

const toCents = (price: number) => Math.round(price * 100);

/** What a line comes to as typed so far, in cents; null while it is not a number yet. */
function lineCents(line: { quantity?: string; unitPrice?: string } | undefined): number | null {
  const quantity = Number(line?.quantity);
  const price = Number(line?.unitPrice);
  if (!line?.quantity?.trim() || !line.unitPrice?.trim()) return null;
  if (!Number.isFinite(quantity) || !Number.isFinite(price)) return null;
  return Math.round(quantity) * toCents(price);
}

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
  const form = useForm<OrderFormInput, unknown, OrderFormValues>({
    resolver: zodResolver(orderForm),
    defaultValues: DEFAULTS,
  });
  const { errors } = form.formState;
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const watchedLines = useWatch({ control: form.control, name: 'lines' });
  const watchedCurrency = useWatch({ control: form.control, name: 'currency' });
  const shownCurrency = /^[A-Za-z]{3}$/.test(watchedCurrency.trim())
    ? watchedCurrency.trim().toUpperCase()
    : 'USD';
  const total = watchedLines.reduce((sum, line) => sum + (lineCents(line) ?? 0), 0);

  const create = api.orders.create.useMutation({
    onSuccess: async (order) => {
      toast.success(`Order #${String(order.number)} was created`);
      router.push(`/orders/${order.id}`);
      await Promise.all([utils.orders.invalidate(), utils.audit.list.invalidate()]);
    },
    onError: (error) => {
      let applied = false;
      for (const issue of issuesOf(error)) {
        const [field, index, part] = issue.path;
        if (field === 'currency') {
          form.setError('currency', { type: 'server', message: issue.message });
          applied = true;
        } else if (field === 'lines' && typeof index === 'number' && typeof part === 'string') {
          const name = part === 'unitPriceCents' ? 'unitPrice' : part;
          form.setError(`lines.${String(index)}.${name}` as Path<OrderFormInput>, {
            type: 'server',
            message: issue.message,
          });
          applied = true;
        }
      }
      if (!applied) toast.error(describeError(error));
    },
  });

  function submit(values: OrderFormValues) {
    const input: OrderCreateInput = {
      customerId,
      currency: values.currency,
      lines: values.lines.map((line) => ({
        description: line.description,
        quantity: line.quantity,
        unitPriceCents: toCents(line.unitPrice),
      })),
    };
    create.mutate(input);
  }

  return (
    <form method="post" noValidate className="grid gap-4" onSubmit={form.handleSubmit(submit)}>
      <TextField
        label="Currency"
        autoComplete="off"
        maxLength={3}
        className="w-24 uppercase"
        hint="Three letters, e.g. USD or EUR."
        error={errors.currency?.message}
        {...form.register('currency')}
      />

      <div className="grid gap-3">
        {lines.fields.map((field, index) => {
          const lineErrors = errors.lines?.[index];
          const cents = lineCents(watchedLines[index]);
          return (
            <fieldset key={field.id} className="grid gap-3 rounded-lg border p-3">
              <legend className="px-1 text-sm font-medium">Line {index + 1}</legend>
              <div className="grid gap-3 sm:grid-cols-[1fr_6rem_8rem_auto] sm:items-start">
                <TextField
                  label="Description"
                  autoComplete="off"
                  error={lineErrors?.description?.message}
                  {...form.register(`lines.${index}.description`)}
                />
                <TextField
                  label="Quantity"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  error={lineErrors?.quantity?.message}
                  {...form.register(`lines.${index}.quantity`)}
                />
                <TextField
                  label="Unit price"
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="0.01"
                  error={lineErrors?.unitPrice?.message}
                  {...form.register(`lines.${index}.unitPrice`)}
                />
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="sm:mt-[1.375rem]"
                  aria-label={`Remove line ${String(index + 1)}`}
                  disabled={lines.fields.length === 1}
                  onClick={() => lines.remove(index)}
                >
                  <XIcon aria-hidden="true" />
                </Button>
              </div>
              <p className="text-right text-sm text-muted-foreground">
                Line total: {cents === null ? '—' : formatMoney(cents, shownCurrency)}
              </p>
            </fieldset>
          );
        })}
        {errors.lines?.root?.message || errors.lines?.message ? (
          <p role="alert" className="text-sm text-destructive">
            {errors.lines.root?.message ?? errors.lines.message}
          </p>
        ) : null}
        <div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            disabled={lines.fields.length >= MAX_LINES}
            onClick={() => lines.append(EMPTY_LINE)}
          >
            <PlusIcon aria-hidden="true" />
            Add line
          </Button>
        </div>
      </div>

      <p className="text-right font-medium">Total: {formatMoney(total, shownCurrency)}</p>

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
