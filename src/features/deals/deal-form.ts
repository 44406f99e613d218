import type { Path, UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { minorUnitsInput, parseMoney } from '@/lib/money';
import { issuesOf } from '@/lib/server-errors';
import { dealCreateInput, MAX_DEAL_AMOUNT_CENTS, type Deal } from '@/schemas/deals';
import { currency } from '@/schemas/orders';

/**
 * A deal as typed: the amount in major units of its currency ("12.50"), sent as the whole
 * minor units the server keeps (1250); an empty close date is none.
 */
export const dealForm = z
  .object({
    title: dealCreateInput.shape.title,
    amount: z.string(),
    currency,
    stageId: z.string(),
    expectedCloseDate: z.string(),
    ownerId: z.string().nullable(),
    companyId: z.string().nullable(),
    customerIds: z.array(z.string()),
  })
  // Checked on the whole form, because how many decimals an amount may have depends on its currency.
  .superRefine((values, ctx) => {
    const problem = amountProblem(values.amount, values.currency);
    if (problem) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem });
    if (values.expectedCloseDate && !/^\d{4}-\d{2}-\d{2}$/.test(values.expectedCloseDate)) {
      ctx.addIssue({
        code: 'custom',
        path: ['expectedCloseDate'],
        message: 'must be a date',
      });
    }
  })
  .transform((values) => ({
    title: values.title,
    // The amount was read above, or this does not run.
    amountCents:
      values.amount.trim() === ''
        ? 0
        : (parseMoney(values.amount, values.currency).minorUnits ?? 0),
    currency: values.currency,
    stageId: values.stageId || undefined,
    expectedCloseDate: values.expectedCloseDate || null,
    ownerId: values.ownerId,
    companyId: values.companyId,
    customerIds: values.customerIds,
  }));
export type DealFormInput = z.input<typeof dealForm>;
export type DealFormOutput = z.output<typeof dealForm>;
export type DealFormReturn = UseFormReturn<DealFormInput, unknown, DealFormOutput>;

/** What is wrong with an amount typed in a currency; none when it is fine (empty is zero). */
export function amountProblem(text: string, currencyCode: string): string | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseMoney(text, currencyCode);
  if (parsed.error) return parsed.error;
  if (parsed.minorUnits !== undefined && parsed.minorUnits > MAX_DEAL_AMOUNT_CENTS) {
    return 'is too large';
  }
  return undefined;
}

export const EMPTY_DEAL: DealFormInput = {
  title: '',
  amount: '',
  currency: 'USD',
  stageId: '',
  expectedCloseDate: '',
  ownerId: null,
  companyId: null,
  customerIds: [],
};

/** A deal's fields as the edit form starts from them. */
export function dealFormValues(deal: Deal): DealFormInput {
  return {
    title: deal.title,
    amount: minorUnitsInput(deal.amountCents, deal.currency),
    currency: deal.currency,
    stageId: deal.stageId,
    expectedCloseDate: deal.expectedCloseDate ?? '',
    ownerId: deal.ownerId,
    companyId: deal.companyId,
    customerIds: [...deal.customerIds],
  };
}

const FIELDS: Record<string, Path<DealFormInput>> = {
  title: 'title',
  amountCents: 'amount',
  currency: 'currency',
  stageId: 'stageId',
  expectedCloseDate: 'expectedCloseDate',
  ownerId: 'ownerId',
  companyId: 'companyId',
  customerIds: 'customerIds',
};

/** Puts the server's field issues on the form's fields; true when at least one landed. */
export function applyDealErrors(error: unknown, form: DealFormReturn): boolean {
  let applied = false;
  for (const issue of issuesOf(error)) {
    const field = typeof issue.path[0] === 'string' ? FIELDS[issue.path[0]] : undefined;
    if (!field) continue;
    form.setError(field, { type: 'server', message: issue.message });
    applied = true;
  }
  return applied;
}
