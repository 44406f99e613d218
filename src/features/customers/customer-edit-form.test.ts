import { describe, expect, it } from 'vitest';
import type { Customer } from '@/schemas/customers';
import { customerEditForm, customerEditValues, customerUpdate } from './customer-edit-form';

const ACME = '0f8a1c52-4c1e-4e8e-9a43-0d6f3c0e9b21';

const customer: Customer = {
  id: '7d1e5f0a-4c43-4b8f-9a7e-2f6b1c0d9e11',
  email: 'ada@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: null,
  companyId: null,
  phone: null,
  status: 'lead',
  tags: ['vip'],
  ownerId: null,
  address: { line1: '12 St James’s Square', line2: 'Flat 2', city: 'London', country: 'GB' },
  metadata: {},
  version: 3,
  createdAt: new Date('2025-01-01T00:00:00Z'),
  updatedAt: new Date('2025-01-02T00:00:00Z'),
};

describe('the customer edit form', () => {
  it('saves the customer unchanged when nothing was edited, over the version that was read', () => {
    const values = customerEditForm.parse(customerEditValues(customer));
    expect(customerUpdate(customer, values)).toEqual({
      id: customer.id,
      expectedVersion: 3,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: null,
      status: 'lead',
      tags: ['vip'],
      ownerId: null,
      address: customer.address,
    });
  });

  it('sends the company only when it changed: picked by id, or typed as a name', () => {
    const edit = (company: string, companyId: string | null) =>
      customerUpdate(
        { ...customer, company: 'Acme', companyId: ACME },
        customerEditForm.parse({ ...customerEditValues(customer), company, companyId }),
      );
    expect(edit('Acme', ACME)).not.toHaveProperty('company');
    expect(edit('Acme', ACME)).not.toHaveProperty('companyId');
    expect(edit('Initech', null)).toMatchObject({ company: 'Initech' });
    expect(edit('Initech', null)).not.toHaveProperty('companyId');
    expect(edit('', null)).toMatchObject({ company: null });
  });

  it('reads tags from one line, once each, and checks each like the server', () => {
    const parse = (tags: string) =>
      customerEditForm.safeParse({ ...customerEditValues(customer), tags });
    expect(parse(' vip, eu ,, vip ').data?.tags).toEqual(['vip', 'eu']);
    expect(parse('').data?.tags).toEqual([]);
    expect(parse(`ok, ${'x'.repeat(51)}`).error?.issues[0]?.path).toEqual(['tags']);
  });

  it('keeps the address parts the form does not show, and drops the ones emptied', () => {
    const values = customerEditForm.parse({
      ...customerEditValues(customer),
      address: { line1: '', city: 'Paris', postalCode: '75001', country: 'fr' },
    });
    expect(customerUpdate(customer, values).address).toEqual({
      line2: 'Flat 2',
      city: 'Paris',
      postalCode: '75001',
      country: 'FR',
    });
  });

  it('sends no address once every part is empty', () => {
    const values = customerEditForm.parse({
      ...customerEditValues({ ...customer, address: { city: 'London' } }),
      address: { line1: '', city: '', postalCode: '', country: '' },
    });
    expect(customerUpdate(customer, values).address).toMatchObject({ line2: 'Flat 2' });
    expect(customerUpdate({ ...customer, address: null }, values).address).toBeNull();
  });
});
