import { describe, expect, it } from 'vitest';
import { MAX_UNIT_PRICE_CENTS } from '@/schemas/orders';
import {
  lineMinorUnits,
  orderLinesForm,
  orderLinesFormValues,
  type OrderLinesFormInput,
} from './order-lines-form';

const issues = (input: OrderLinesFormInput) =>
  orderLinesForm
    .safeParse(input)
    .error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('orderLinesForm', () => {
  it('sends each unit price as whole minor units of the currency', () => {
    expect(
      orderLinesForm.parse({
        currency: ' usd ',
        lines: [
          { description: 'Codebreaking consultancy', quantity: '2', unitPrice: '150' },
          { description: 'Support plan', quantity: '1', unitPrice: '99.50' },
        ],
      }),
    ).toEqual({
      currency: 'USD',
      lines: [
        { description: 'Codebreaking consultancy', quantity: 2, unitPriceCents: 15000 },
        { description: 'Support plan', quantity: 1, unitPriceCents: 9950 },
      ],
    });
    expect(
      orderLinesForm.parse({
        currency: 'JPY',
        lines: [{ description: 'Tea', quantity: '3', unitPrice: '1200' }],
      }).lines,
    ).toEqual([{ description: 'Tea', quantity: 3, unitPriceCents: 1200 }]);
  });

  it('puts what is wrong with a price on that price, beside the other fields’ problems', () => {
    expect(
      issues({
        currency: 'USD',
        lines: [
          { description: '', quantity: '1', unitPrice: '' },
          { description: 'Two', quantity: '0', unitPrice: '12.345' },
          { description: 'Three', quantity: '1', unitPrice: '-1' },
        ],
      }),
    ).toEqual([
      ['lines.0.description', 'is required'],
      ['lines.1.quantity', 'must be at least 1'],
      ['lines.0.unitPrice', 'is required'],
      ['lines.1.unitPrice', 'must have at most 2 decimal places'],
      ['lines.2.unitPrice', 'must not be negative'],
    ]);
  });

  it('allows the decimals of the currency typed', () => {
    expect(
      issues({
        currency: 'jpy',
        lines: [{ description: 'Tea', quantity: '1', unitPrice: '12.5' }],
      }),
    ).toEqual([['lines.0.unitPrice', 'must be a whole amount']]);
  });

  it('refuses a price above what the server keeps', () => {
    const line = (unitPrice: string) => ({ description: 'A', quantity: '1', unitPrice });
    expect(MAX_UNIT_PRICE_CENTS).toBe(100_000_000_000);
    expect(issues({ currency: 'USD', lines: [line('1000000000')] })).toBeUndefined();
    expect(issues({ currency: 'USD', lines: [line('1000000000.01')] })).toEqual([
      ['lines.0.unitPrice', 'is too large'],
    ]);
  });

  it('needs a line and a valid currency', () => {
    expect(issues({ currency: 'dollars', lines: [] })).toEqual([
      ['currency', 'must be an ISO 4217 code like USD or EUR'],
      ['lines', 'an order needs at least one line'],
    ]);
  });
});

describe('orderLinesFormValues', () => {
  it('shows an order’s prices in major units, and reads back as the same order', () => {
    const order = {
      currency: 'USD',
      lines: [{ description: 'Support plan', quantity: 2, unitPriceCents: 9950 }],
    };
    const values = orderLinesFormValues(order);
    expect(values.lines).toEqual([
      { description: 'Support plan', quantity: '2', unitPrice: '99.50' },
    ]);
    expect(orderLinesForm.parse(values)).toEqual(order);
  });
});

describe('lineMinorUnits', () => {
  it('says what a line comes to as typed so far', () => {
    expect(lineMinorUnits({ quantity: '2', unitPrice: '150' }, 'USD')).toBe(30000);
    expect(lineMinorUnits({ quantity: '3', unitPrice: '0.29' }, 'USD')).toBe(87);
    expect(lineMinorUnits({ quantity: '2', unitPrice: '' }, 'USD')).toBeNull();
    expect(lineMinorUnits({ quantity: '', unitPrice: '5' }, 'USD')).toBeNull();
    expect(lineMinorUnits(undefined, 'USD')).toBeNull();
  });
});
