/** Examples for the API document: realistic, and valid against their schemas. */

const CUSTOMER_ID = '3f6c2a1e-8d4b-4c2f-9a7e-1b5d0c9e8f21';
const ORDER_ID = '9b2e4c6a-1d3f-4a5b-8c7d-2e4f6a8b0c1d';
const OWNER_ID = 'c4a1e7d2-5b3f-4e8a-9d6c-0f2b4a6c8e1d';
const COMPANY_ID = '7d1f3b5a-2c4e-4f6a-8b0d-1e3f5a7c9b2d';

export const customerExample = {
  id: CUSTOMER_ID,
  email: 'ada@analytical.example',
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Analytical Engines Ltd',
  companyId: COMPANY_ID,
  phone: '+44 20 7946 0958',
  status: 'active',
  tags: ['vip', 'eu'],
  ownerId: OWNER_ID,
  address: { line1: '12 St James’s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
  metadata: { crmSource: 'conference-2026' },
  version: 3,
  createdAt: '2026-03-02T09:15:00.000Z',
  updatedAt: '2026-11-20T16:42:10.512Z',
};

export const customerCreateExample = {
  email: 'ada@analytical.example',
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Analytical Engines Ltd',
  status: 'lead',
  tags: ['eu'],
};

export const interactionExample = {
  id: '5a7c9e1b-3d5f-4b7a-8c9e-1f3a5b7d9e2c',
  customerId: CUSTOMER_ID,
  companyId: COMPANY_ID,
  dealId: null,
  type: 'call',
  subject: 'Discovery call',
  content: 'Wants a pilot for the difference engine team in January.',
  occurredAt: '2026-11-20T14:00:00.000Z',
  authorId: OWNER_ID,
  authorName: 'Charles Babbage',
  createdAt: '2026-11-20T14:31:07.204Z',
  updatedAt: '2026-11-20T14:31:07.204Z',
};

export const interactionCreateExample = {
  type: 'call',
  subject: 'Discovery call',
  content: 'Wants a pilot for the difference engine team in January.',
  occurredAt: '2026-11-20T14:00:00.000Z',
};

export const orderExample = {
  id: ORDER_ID,
  number: 1042,
  customerId: CUSTOMER_ID,
  customerName: 'Ada Lovelace',
  status: 'placed',
  currency: 'EUR',
  lines: [
    {
      description: 'Pilot licence, 10 seats',
      quantity: 10,
      unitPriceCents: 4900,
      totalCents: 49000,
    },
    { description: 'Onboarding day', quantity: 1, unitPriceCents: 80000, totalCents: 80000 },
  ],
  totalCents: 129000,
  version: 2,
  placedAt: '2026-11-21T10:02:00.000Z',
  paidAt: null,
  fulfilledAt: null,
  cancelledAt: null,
  createdAt: '2026-11-21T09:58:44.118Z',
  updatedAt: '2026-11-21T10:02:00.000Z',
};

export const orderCreateExample = {
  currency: 'EUR',
  lines: [
    { description: 'Pilot licence, 10 seats', quantity: 10, unitPriceCents: 4900 },
    { description: 'Onboarding day', quantity: 1, unitPriceCents: 80000 },
  ],
};

export const webhookEndpointExample = {
  id: 'e1d2c3b4-a596-4877-8a69-5b4c3d2e1f00',
  url: 'https://hooks.example.com/clientele',
  description: 'Sync to the billing system',
  eventTypes: ['customer.created', 'customer.updated', 'order.status_changed'],
  enabled: true,
  previousSecretExpiresAt: null,
  createdAt: '2026-11-01T08:00:00.000Z',
  updatedAt: '2026-11-01T08:00:00.000Z',
};

export const companyExample = {
  id: COMPANY_ID,
  name: 'Analytical Engines Ltd',
  domain: 'analytical.example',
  industry: 'Computing',
  size: '11-50',
  website: 'https://analytical.example',
  phone: '+44 20 7946 0000',
  address: { line1: '12 St James’s Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
  ownerId: OWNER_ID,
  tags: ['partner'],
  metadata: { formerNames: ['Analytical Engines'] },
  version: 2,
  createdAt: '2026-03-02T09:15:00.000Z',
  updatedAt: '2026-11-20T16:42:10.512Z',
};

export const companyCreateExample = {
  name: 'Analytical Engines Ltd',
  domain: 'https://www.analytical.example/',
  industry: 'Computing',
  size: '11-50',
  tags: ['partner'],
};
