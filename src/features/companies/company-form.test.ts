import { describe, expect, it } from 'vitest';
import type { Company } from '@/schemas/companies';
import {
  companyCreate,
  companyForm,
  companyFormValues,
  companyUpdate,
  EMPTY_COMPANY,
} from './company-form';

const acme: Company = {
  id: '7d1f3b5a-2c4e-4f6a-8b0d-1e3f5a7c9b2d',
  name: 'Acme',
  domain: 'acme.example',
  industry: null,
  size: '11-50',
  website: null,
  phone: null,
  address: null,
  ownerId: null,
  tags: ['partner', 'eu'],
  metadata: {},
  version: 3,
  createdAt: new Date(),
  updatedAt: new Date(),
};

describe('the company form', () => {
  it('sends empty fields as no value, and the domain as its host', () => {
    const values = companyForm.parse({
      ...EMPTY_COMPANY,
      name: 'Acme',
      domain: 'https://www.Acme.example/about',
      tags: 'vip, eu, vip',
    });
    expect(companyCreate(values)).toEqual({
      name: 'Acme',
      domain: 'acme.example',
      industry: null,
      size: null,
      website: null,
      phone: null,
      ownerId: null,
      tags: ['vip', 'eu'],
    });
    expect(companyCreate(values, true)).toMatchObject({ allowDuplicate: true });
  });

  it('refuses a name left empty and a tag too long', () => {
    const result = companyForm.safeParse({ ...EMPTY_COMPANY, tags: 'x'.repeat(51) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['name', 'tags']);
  });

  it('updates from the version that was read', () => {
    const values = companyForm.parse(companyFormValues(acme));
    expect(companyUpdate(acme, values)).toMatchObject({
      id: acme.id,
      expectedVersion: 3,
      size: '11-50',
      tags: ['partner', 'eu'],
    });
  });
});
