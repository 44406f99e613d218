import type { Path, UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { minorUnitsInput, parseMoney } from '@/lib/money';
import { issuesOf } from '@/lib/server-errors';
import {
  currency,
  MAX_LINES,
  MAX_UNIT_PRICE_CENTS,
  orderLineInput,
  type OrderLineInput,
} from '@/schemas/orders';

/** A number typed into a text box: required, then checked as the server checks it. */
const typedNumber = <T extends z.ZodType<number, number>>(schema: T) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .pipe(z.coerce.number<string>({ error: 'must be a number' }))
    .pipe(schema);

/**
 * The currency and lines of an order as typed: the unit price in major units of the currency
 * (12.50), sent as the whole minor units the server keeps (1250 cents).
 */
export const orderLinesForm = z
  .object({
    currency,
    lines: z
      .array(
        z.object({
          description: orderLineInput.shape.description,
          quantity: typedNumber(orderLineInput.shape.quantity),
          unitPrice: z.string(),
        }),
      )
      .min(1, 'an order needs at least one line')
      .max(MAX_LINES, `at most ${MAX_LINES} lines`),
  })
  // Checked on the whole form, because how many decimals a price may have depends on its currency.
  .superRefine((values, ctx) => {
    values.lines.forEach((line, index) => {
      const problem = unitPriceProblem(line.unitPrice, values.currency);
      if (problem) {
        ctx.addIssue({ code: 'custom', path: ['lines', index, 'unitPrice'], message: problem });
      }
    });
  })
  .transform((values) => ({
    currency: values.currency,
    lines: values.lines.map((line): OrderLineInput => ({
      description: line.description,
      quantity: line.quantity,
      // Every price was read above, or this does not run.
      unitPriceCents: parseMoney(line.unitPrice, values.currency).minorUnits ?? 0,
    })),
  }));
export type OrderLinesFormInput = z.input<typeof orderLinesForm>;
export type OrderLinesFormOutput = z.output<typeof orderLinesForm>;
export type OrderLinesFormReturn = UseFormReturn<
  OrderLinesFormInput,
  unknown,
  OrderLinesFormOutput
>;

type TypedLine = OrderLinesFormInput['lines'][number];

export const EMPTY_LINE: TypedLine = { description: '', quantity: '1', unitPrice: '' };

function unitPriceProblem(text: string, code: string): string | null {
  const price = parseMoney(text, code);
  if (price.error !== undefined) return price.error;
  return price.minorUnits > MAX_UNIT_PRICE_CENTS ? 'is too large' : null;
}

/** An order's currency and lines as the form shows them. */
export function orderLinesFormValues(order: {
  currency: string;
  lines: readonly OrderLineInput[];
}): OrderLinesFormInput {
  return {
    currency: order.currency,
    lines: order.lines.map((line) => ({
      description: line.description,
      quantity: String(line.quantity),
      unitPrice: minorUnitsInput(line.unitPriceCents, order.currency),
    })),
  };
}

/**
 * Puts the server's issues about the currency and lines on the fields they name (a unit price
 * in cents on the price typed). Returns true when at least one landed.
 */
export function applyOrderLinesErrors(error: unknown, form: OrderLinesFormReturn): boolean {
  let applied = false;
  for (const issue of issuesOf(error)) {
    const [field, index, part] = issue.path;
    if (field === 'currency') {
      form.setError('currency', { type: 'server', message: issue.message });
      applied = true;
    } else if (field === 'lines' && typeof index === 'number' && typeof part === 'string') {
      const name = part === 'unitPriceCents' ? 'unitPrice' : part;
      form.setError(`lines.${index}.${name}` as Path<OrderLinesFormInput>, {
        type: 'server',
        message: issue.message,
      });
      applied = true;
    }
  }
  return applied;
}

/** What a line comes to as typed so far, in minor units; null while it is not a number yet. */
export function lineMinorUnits(line: Partial<TypedLine> | undefined, code: string): number | null {
  const quantity = Number(line?.quantity);
  if (!line?.quantity?.trim() || !Number.isFinite(quantity)) return null;
  const price = parseMoney(line.unitPrice ?? '', code);
  return price.error === undefined ? Math.round(quantity) * price.minorUnits : null;
}
