import { MAX_UNIT_PRICE_CENTS } from '@/schemas/orders';
import { getDeal } from '@/server/db/repositories/deals';
import type { TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';
import { createOrder } from '../orders/orders';

/**
 * A won deal becomes a draft order for its first person: one line, the deal's title at its
 * amount, in its currency.
 */
export async function createOrderFromDeal(tx: TenantTx, dealId: string) {
  const deal = await getDeal(tx, dealId);
  if (!deal) throw notFound('Deal');
  if (deal.status !== 'won') {
    throw new AppError('CONFLICT', 'Only a won deal can become an order', {
      issues: [{ path: ['id'], message: `is ${deal.status}, not won` }],
    });
  }
  const customerId = deal.customerIds[0];
  if (!customerId) {
    throw new AppError('BAD_REQUEST', 'An order needs a person: add one to the deal first', {
      issues: [{ path: ['customerIds'], message: 'the deal has no person to order for' }],
    });
  }
  if (deal.amountCents > MAX_UNIT_PRICE_CENTS) {
    throw new AppError('BAD_REQUEST', 'The deal amount is too large for an order line', {
      issues: [{ path: ['amountCents'], message: `must be at most ${MAX_UNIT_PRICE_CENTS}` }],
    });
  }
  return createOrder(tx, {
    customerId,
    currency: deal.currency,
    lines: [{ description: deal.title, quantity: 1, unitPriceCents: deal.amountCents }],
  });
}
