import { describe, expect, it } from 'vitest';
import { companyLinkInput } from './customer-company';

const ACME = '7d1f3b5a-2c4e-4f6a-8b0d-1e3f5a7c9b2d';

describe('the company a customer form sends', () => {
  it('links a company picked from the suggestions by its id', () => {
    expect(companyLinkInput({ firstName: 'Ada', company: 'Acme', companyId: ACME })).toEqual({
      firstName: 'Ada',
      companyId: ACME,
    });
  });

  it('sends a typed name for the server to link or create, and an empty box as none', () => {
    expect(companyLinkInput({ company: '  Acme Rockets ', companyId: null })).toEqual({
      company: 'Acme Rockets',
    });
    expect(companyLinkInput({ company: '', companyId: null })).toEqual({ company: null });
  });
});
