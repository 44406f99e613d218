import { ORDER_TRANSITIONS, type OrderLineInput, type OrderStatus } from '@/schemas/orders';
import type { LineValues } from '@/server/db/repositories/orders';
import { AppError } from '@/server/errors';

/** Line totals and the order total, computed here and never taken from the client. */
export function priceLines(lines: OrderLineInput[]): LineValues[] {
  const priced = lines.map((line) => ({
    ...line,
    totalCents: line.quantity * line.unitPriceCents,
  }));
  const total = priced.reduce((sum, line) => sum + line.totalCents, 0);
  if (!Number.isSafeInteger(total)) {
    throw new AppError('BAD_REQUEST', 'The order total is too large', {
      issues: [{ path: ['lines'], message: 'add up to more than can be recorded' }],
    });
  }
  return priced;
}

export function assertTransition(from: OrderStatus, to: OrderStatus) {
  if (!ORDER_TRANSITIONS[from].includes(to)) {
    const allowed = ORDER_TRANSITIONS[from];
    throw new AppError(
      'CONFLICT',
      `An order that is ${from} cannot become ${to}` +
        (allowed.length ? ` (it can become ${allowed.join(' or ')})` : ' (it is final)'),
      { issues: [{ path: ['status'], message: `cannot change from ${from} to ${to}` }] },
    );
  }
}

export function assertEditable(status: OrderStatus) {
  if (status !== 'draft') {
    throw new AppError('CONFLICT', `Only draft orders can be edited; this one is ${status}`);
  }
}
