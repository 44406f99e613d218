import { describe, expect, it } from 'vitest';
import { dealForm, EMPTY_DEAL, type DealFormInput } from './deal-form';

const issues = (input: DealFormInput) =>
  dealForm.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('dealForm', () => {
  it('sends the amount as whole minor units of the currency', () => {
    expect(
      dealForm.parse({
        ...EMPTY_DEAL,
        title: ' Pilot ',
        amount: '1200.50',
        currency: ' eur ',
        expectedCloseDate: '2027-01-31',
      }),
    ).toEqual({
      title: 'Pilot',
      amountCents: 120050,
      currency: 'EUR',
      stageId: undefined,
      expectedCloseDate: '2027-01-31',
      ownerId: null,
      companyId: null,
      customerIds: [],
    });
  });

  it('reads an empty amount as zero and an empty close date as none', () => {
    const parsed = dealForm.parse({ ...EMPTY_DEAL, title: 'Pilot', currency: 'JPY' });
    expect(parsed.amountCents).toBe(0);
    expect(parsed.expectedCloseDate).toBeNull();
  });

  it('refuses a fraction finer than the currency and a missing title', () => {
    expect(issues({ ...EMPTY_DEAL, amount: '10.5', currency: 'JPY' })).toEqual([
      ['title', 'is required'],
      ['amount', 'must be a whole amount'],
    ]);
    expect(issues({ ...EMPTY_DEAL, title: 'x', amount: 'ten' })).toEqual([
      ['amount', 'must be a number'],
    ]);
  });
});
