'use client';

import { PlusIcon, XIcon } from 'lucide-react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { FormTextField } from '@/components/form-field';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/lib/format';
import { minorDigits } from '@/lib/money';
import { currency, MAX_LINES } from '@/schemas/orders';
import { EMPTY_LINE, lineMinorUnits, type OrderLinesFormReturn } from './order-lines-form';

/** The currency as typed when it is a valid code, else the fallback. */
function useShownCurrency(form: OrderLinesFormReturn, fallback: string): string {
  const typed = useWatch({ control: form.control, name: 'currency' });
  return currency.safeParse(typed).data ?? fallback;
}

/**
 * The currency and the lines of an order, with what each line and the order come to as they
 * are typed; for the form that creates an order and the one that edits its lines.
 */
export function OrderLinesFields({
  form,
  fallbackCurrency,
}: {
  form: OrderLinesFormReturn;
  /** Shown while the currency field holds no valid code. */
  fallbackCurrency: string;
}) {
  const { errors } = form.formState;
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const typedLines = useWatch({ control: form.control, name: 'lines' });
  const shownCurrency = useShownCurrency(form, fallbackCurrency);
  const total = typedLines.reduce(
    (sum, line) => sum + (lineMinorUnits(line, shownCurrency) ?? 0),
    0,
  );
  const linesError = errors.lines?.root?.message ?? errors.lines?.message;

  return (
    <>
      <FormTextField
        form={form}
        name="currency"
        label="Currency"
        autoComplete="off"
        maxLength={3}
        className="w-24 uppercase"
        hint="Three letters, e.g. USD or EUR."
      />

      <div className="grid gap-3">
        {lines.fields.map((field, index) => (
          <LineFields
            key={field.id}
            form={form}
            index={index}
            shownCurrency={shownCurrency}
            lineTotal={lineMinorUnits(typedLines[index], shownCurrency)}
            onRemove={lines.fields.length === 1 ? undefined : () => lines.remove(index)}
          />
        ))}
        {linesError ? (
          <p role="alert" className="text-sm text-destructive">
            {linesError}
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

      <p className="text-right font-medium" aria-live="polite">
        Total: {formatMoney(total, shownCurrency)}
      </p>
    </>
  );
}

function LineFields({
  form,
  index,
  shownCurrency,
  lineTotal,
  onRemove,
}: {
  form: OrderLinesFormReturn;
  index: number;
  shownCurrency: string;
  lineTotal: number | null;
  /** Absent for the only line: an order has at least one. */
  onRemove?: () => void;
}) {
  return (
    <fieldset className="grid gap-3 rounded-lg border p-3">
      <legend className="px-1 text-sm font-medium">Line {index + 1}</legend>
      <div className="grid gap-3 sm:grid-cols-[1fr_6rem_8rem_auto] sm:items-start">
        <FormTextField
          form={form}
          name={`lines.${index}.description`}
          label="Description"
          autoComplete="off"
        />
        <FormTextField
          form={form}
          name={`lines.${index}.quantity`}
          label="Quantity"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
        />
        <FormTextField
          form={form}
          name={`lines.${index}.unitPrice`}
          label="Unit price"
          type="number"
          inputMode="decimal"
          min={0}
          step={10 ** -minorDigits(shownCurrency)}
        />
        <Button
          type="button"
          variant="ghost"
          size="icon"
          className="sm:mt-[1.375rem]"
          aria-label={`Remove line ${index + 1}`}
          disabled={!onRemove}
          onClick={onRemove}
        >
          <XIcon aria-hidden="true" />
        </Button>
      </div>
      <p className="text-right text-sm text-muted-foreground">
        Line total: {lineTotal === null ? '—' : formatMoney(lineTotal, shownCurrency)}
      </p>
    </fieldset>
  );
}
