'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PlusIcon, Trash2Icon } from 'lucide-react';
import { useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { z } from 'zod';
import { TextField } from '@/components/form-field';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/lib/format';
import { applyServerErrors, describeError } from '@/lib/server-errors';
import { currency, MAX_LINES, MAX_UNIT_PRICE_CENTS, orderLineInput } from '@/schemas/orders';
import { api, type RouterOutputs } from '@/trpc/react';

type Order = RouterOutputs['orders']['get'];

/**
 * The server's line rules, with the price in major units as people type it (12.50); it is sent
 * as whole cents, Math.round(price * 100).
 */
const editorSchema = z.object({
  currency,
  lines: z
    .array(
      z.object({
        description: orderLineInput.shape.description,
        quantity: z.number({ error: 'is required' }).pipe(orderLineInput.shape.quantity),
        unitPrice: z
          .number({ error: 'is required' })
          .min(0, 'must not be negative')
          .max(MAX_UNIT_PRICE_CENTS / 100, 'is too large'),
      }),
    )
    .min(1, 'an order needs at least one line')
    .max(MAX_LINES, `at most ${MAX_LINES} lines`),
});
type EditorValues = z.input<typeof editorSchema>;
type EditorOutput = z.output<typeof editorSchema>;

const FIELDS = ['currency', 'lines'] as const;
const toCents = (price: number) => Math.round(price * 100);

export function OrderLinesEditor({ order, onDone }: { order: Order; onDone: () => void }) {
  const utils = api.useUtils();
  const form = useForm<EditorValues, unknown, EditorOutput>({
    resolver: zodResolver(editorSchema),
    defaultValues: {
      currency: order.currency,
      lines: order.lines.map((line) => ({
        description: line.description,
        quantity: line.quantity,
        unitPrice: line.unitPriceCents / 100,
      })),
    },
  });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
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
      if (!applyServerErrors(error, form.setError, FIELDS)) toast.error(describeError(error));
    },
  });
  const { errors } = form.formState;
  const linesError = errors.lines?.root?.message ?? errors.lines?.message;

  return (
    <form
      method="post"
      noValidate
      aria-label={`Edit the lines of order #${order.number}`}
      className="grid gap-4"
      onSubmit={form.handleSubmit((values) =>
        save.mutate({
          id: order.id,
          expectedVersion: order.version,
          currency: values.currency,
          lines: values.lines.map((line) => ({
            description: line.description,
            quantity: line.quantity,
            unitPriceCents: toCents(line.unitPrice),
          })),
        }),
      )}
    >
      <div className="max-w-40">
        <TextField
          label="Currency"
          autoComplete="off"
          maxLength={3}
          className="uppercase"
          hint="Three letters, like USD or EUR."
          error={errors.currency?.message}
          {...form.register('currency')}
        />
      </div>

      <div className="grid gap-3">
        {lines.fields.map((field, index) => {
          const lineErrors = errors.lines?.[index];
          return (
            <fieldset
              key={field.id}
              className="grid items-start gap-3 rounded-md border p-3 sm:grid-cols-[minmax(0,1fr)_7rem_9rem_8rem_auto]"
            >
              <legend className="sr-only">Line {index + 1}</legend>
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
                {...form.register(`lines.${index}.quantity`, { valueAsNumber: true })}
              />
              <TextField
                label="Unit price"
                type="number"
                inputMode="decimal"
                min={0}
                step={0.01}
                error={lineErrors?.unitPrice?.message}
                {...form.register(`lines.${index}.unitPrice`, { valueAsNumber: true })}
              />
              <LineTotal control={form.control} index={index} fallbackCurrency={order.currency} />
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="sm:mt-6"
                aria-label={`Remove line ${index + 1}`}
                title="Remove line"
                disabled={lines.fields.length === 1}
                onClick={() => lines.remove(index)}
              >
                <Trash2Icon aria-hidden="true" />
              </Button>
            </fieldset>
          );
        })}
      </div>
      {linesError ? (
        <p role="alert" className="text-sm text-destructive">
          {linesError}
        </p>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-4">
        <Button
          type="button"
          variant="outline"
          disabled={lines.fields.length >= MAX_LINES}
          onClick={() => lines.append({ description: '', quantity: 1, unitPrice: 0 })}
        >
          <PlusIcon aria-hidden="true" />
          Add line
        </Button>
        <EditorTotal control={form.control} fallbackCurrency={order.currency} />
      </div>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save lines'}
        </Button>
        <Button type="button" variant="outline" onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

type EditorControl = Control<EditorValues, unknown, EditorOutput>;

/** Cents of a line as typed so far; a half-typed line counts as nothing. */
function lineCents(line: Partial<EditorValues['lines'][number]> | undefined): number {
  const quantity = line?.quantity;
  const price = line?.unitPrice;
  if (typeof quantity !== 'number' || !Number.isFinite(quantity)) return 0;
  if (typeof price !== 'number' || !Number.isFinite(price)) return 0;
  return quantity * toCents(price);
}

/** The currency as typed when it is a valid code, else the order's. */
function useShownCurrency(control: EditorControl, fallback: string): string {
  const typed = useWatch({ control, name: 'currency' });
  const parsed = currency.safeParse(typed);
  return parsed.success ? parsed.data : fallback;
}

function LineTotal({
  control,
  index,
  fallbackCurrency,
}: {
  control: EditorControl;
  index: number;
  fallbackCurrency: string;
}) {
  const line = useWatch({ control, name: `lines.${index}` });
  const shownCurrency = useShownCurrency(control, fallbackCurrency);
  return (
    <div className="grid gap-2">
      <span className="text-sm leading-none font-medium">Line total</span>
      <span className="flex h-9 items-center text-sm tabular-nums">
        {formatMoney(lineCents(line), shownCurrency)}
      </span>
    </div>
  );
}

function EditorTotal({
  control,
  fallbackCurrency,
}: {
  control: EditorControl;
  fallbackCurrency: string;
}) {
  const lines = useWatch({ control, name: 'lines' });
  const shownCurrency = useShownCurrency(control, fallbackCurrency);
  const total = (lines ?? []).reduce((sum, line) => sum + lineCents(line), 0);
  return (
    <p className="text-sm" aria-live="polite">
      <span className="text-muted-foreground">Total </span>
      <span className="text-base font-semibold tabular-nums">
        {formatMoney(total, shownCurrency)}
      </span>
    </p>
  );
}
