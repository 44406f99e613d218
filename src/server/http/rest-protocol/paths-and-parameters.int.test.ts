import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setupRestTenant, type Body } from '@/test/rest-client';
import { operations, withIds } from './documented-operations';

/**
 * HTTP as generated clients, browsers and caches speak it to the REST door: nested resources, and query parameters.
 */
const { rest, post, keyOfAnotherOrganization } = setupRestTenant('Protocol Org');

describe('nested reads', () => {
  it("answer 404 for a parent that does not exist or is another organization's", async () => {
    const nestedReads = operations.filter(
      ({ method, template }) => method === 'GET' && /\{[^}]+\}\/[a-z-]+$/.test(template),
    );
    expect(nestedReads.map(({ template }) => template)).toContain('/customers/{customerId}/orders');
    for (const { template } of nestedReads) {
      const res = await rest(withIds(template));
      expect(res.status, template).toBe(404);
    }

    const otherKey = await keyOfAnotherOrganization();
    const theirs = await post('/customers', { firstName: 'Theirs' }, { key: otherKey });
    await post(
      `/customers/${theirs.id}/orders`,
      { currency: 'EUR', lines: [{ description: 'Hidden', quantity: 1, unitPriceCents: 100 }] },
      { key: otherKey },
    );
    const orders = await rest(`/customers/${theirs.id}/orders`);
    expect(orders.status).toBe(404);
    expect(await orders.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Customer not found' });
  });

  it("list a deleted customer's orders as missing, like their interactions", async () => {
    const customer = await post('/customers', { firstName: 'Gone' });
    await rest(`/customers/${customer.id}`, { method: 'DELETE' });
    expect((await rest(`/customers/${customer.id}/interactions`)).status).toBe(404);
    expect((await rest(`/customers/${customer.id}/orders`)).status).toBe(404);
  });
});

describe('query parameters', () => {
  it('refuses one the operation does not take (400), naming it', async () => {
    await post('/customers', { firstName: 'Churned', status: 'churned' });
    await post('/customers', { firstName: 'Active', status: 'active' });
    const res = await rest('/customers?stauts=churned');
    expect(res.status).toBe(400);
    const body = (await res.json()) as Body;
    expect(body).toMatchObject({ code: 'BAD_REQUEST', requestId: res.headers.get('x-request-id') });
    expect(body.message).toContain('stauts');
    expect(body.issues).toEqual([{ path: ['stauts'], message: expect.any(String) }]);
    expect((await rest('/customers?status=churned')).status).toBe(200);
  });

  it('refuses unknown parameters on every operation of the document, changing nothing', async () => {
    const customer = await post('/customers', { firstName: 'Untouched' });
    for (const { method, template } of operations) {
      const path = template === '/customers/{id}' ? `/customers/${customer.id}` : withIds(template);
      const res = await rest(`${path}?unknownParameter=1`, {
        method,
        body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
      });
      expect(res.status, `${method} ${template}`).toBe(400);
      expect(((await res.json()) as Body).issues, `${method} ${template}`).toEqual([
        { path: ['unknownParameter'], message: expect.any(String) },
      ]);
    }
    const after = (await (await rest(`/customers/${customer.id}`)).json()) as Body;
    expect(after.version).toBe(customer.version);
  });

  it('refuses a path parameter given again in the query', async () => {
    const customer = await post('/customers', { firstName: 'Twice' });
    const res = await rest(`/customers/${customer.id}?id=${randomUUID()}`);
    expect(res.status).toBe(400);
  });
});
