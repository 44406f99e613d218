import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupOwnerDatabase } from '@/test/database';
import { readUnrestricted } from '@/test/unrestricted';
import { createTestOrganization, ownerCaller } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { connection, services } = setupTestServices();
const ownerDb = setupOwnerDatabase(connection);

const PERSONAL = {
  firstName: 'Ingrid',
  lastName: 'Unforgettable',
  email: 'ingrid.unforgettable@example.com',
  phone: '+44 20 7946 0999',
};

async function customerWithHistory() {
  const org = await createTestOrganization(services().db);
  const api = ownerCaller(services(), org);
  const customer = await api.customers.create({
    ...PERSONAL,
    company: 'Memory Lane Ltd',
    address: { city: 'Reykjavík' },
  });
  await api.customers.update({ id: customer.id, lastName: 'Unforgettable-Smith' });
  await api.interactions.create({
    customerId: customer.id,
    type: 'call',
    subject: 'Call with Ingrid',
    content: 'She prefers mornings',
  });
  const order = await api.orders.create({
    customerId: customer.id,
    currency: 'EUR',
    lines: [{ description: 'Plan', quantity: 1, unitPriceCents: 5000 }],
  });
  await api.orders.setStatus({ id: order.id, status: 'placed' });
  await api.orders.setStatus({ id: order.id, status: 'paid' });
  return { org, api, customer, order };
}

describe('GDPR', () => {
  it('exports everything held about a customer as one document', async () => {
    const { api, customer, order } = await customerWithHistory();
    const data = await api.customers.exportData({ id: customer.id });
    expect(data.customer).toMatchObject({ email: PERSONAL.email, lastName: 'Unforgettable-Smith' });
    expect(data.interactions).toMatchObject([{ subject: 'Call with Ingrid' }]);
    expect(data.orders).toMatchObject([{ id: order.id, status: 'paid' }]);
    expect(data.auditTrail.map((entry) => entry.action)).toEqual([
      'customer.created',
      'customer.updated',
      'interaction.created',
      'order.created',
      'order.status_changed',
      'order.status_changed',
    ]);
  });

  it('erases a customer: no personal data remains anywhere, revenue stays, the chain still verifies', async () => {
    const { org, api, customer, order } = await customerWithHistory();
    const result = await api.customers.erase({ id: customer.id });
    expect(result).toMatchObject({
      interactionsDeleted: 1,
      ordersDetached: 1,
      auditEntriesErased: 6,
    });

    const [{ text: everything }] = (await readUnrestricted<{ text: string }>(
      ownerDb(),
      ['customers', 'customer_interactions', 'orders', 'order_lines', 'audit_logs'],
      sql`
        select string_agg(t::text, ' ') as text from (
          select to_jsonb(c) as t from customers c where c.organization_id = ${org.id} union all
          select to_jsonb(i) from customer_interactions i where i.organization_id = ${org.id} union all
          select to_jsonb(o) from orders o where o.organization_id = ${org.id} union all
          select to_jsonb(l) from order_lines l where l.organization_id = ${org.id} union all
          select to_jsonb(a) from audit_logs a where a.organization_id = ${org.id}
            and a.entity_type <> 'company'
        ) everything`,
    )) as [{ text: string }];
    expect(everything.length).toBeGreaterThan(500);
    for (const value of [
      ...Object.values(PERSONAL),
      'Unforgettable-Smith',
      'Memory Lane',
      'Reykjavík',
      'Call with Ingrid',
      'mornings',
    ]) {
      expect(everything).not.toContain(value);
    }
    expect(await api.orders.get({ id: order.id })).toMatchObject({
      customerId: null,
      customerName: null,
      status: 'paid',
      totalCents: 5000,
    });
    // The company the customer named is a record of the organization's own, and stays.
    expect((await api.companies.list({ q: 'memory lane' })).items).toMatchObject([
      { name: 'Memory Lane Ltd' },
    ]);
    expect(await api.audit.verify()).toMatchObject({ ok: true });
    const trail = await api.audit.list({ entityId: customer.id });
    expect(trail.items.every((entry) => entry.changes.erased === true)).toBe(true);
  });
});
