import { describe, expect, it } from 'vitest';
import { organizationWithOwner } from '@/test/factories';
import { setupTestServices } from '@/test/services';

// The company page: its people's orders and revenue, and its timeline as people come and go.
const { services } = setupTestServices();
const newOrganization = () => organizationWithOwner(services());

describe('company page', () => {
  it('lists the orders of its people and their revenue per currency', async () => {
    const { api } = await newOrganization();
    const buyer = await api.customers.create({ firstName: 'Buyer', company: 'Buying Co' });
    const other = await api.customers.create({ firstName: 'Elsewhere' });
    const order = (lines: number, currency = 'EUR') =>
      api.orders.create({
        customerId: buyer.id,
        currency,
        lines: [{ description: 'Widget', quantity: lines, unitPriceCents: 1000 }],
      });
    const paid = await order(2);
    await order(1);
    const usd = await order(3, 'USD');
    await api.orders.create({
      customerId: other.id,
      currency: 'EUR',
      lines: [{ description: 'Widget', quantity: 9, unitPriceCents: 1000 }],
    });
    for (const id of [paid.id, usd.id]) {
      await api.orders.setStatus({ id, status: 'placed' });
      await api.orders.setStatus({ id, status: 'paid' });
    }
    await api.orders.setStatus({ id: usd.id, status: 'fulfilled' });

    const orders = await api.companies.orders({ id: buyer.companyId! });
    expect(orders.items).toHaveLength(3);
    expect(await api.companies.revenue({ id: buyer.companyId! })).toEqual([
      { currency: 'EUR', paidCents: 2000, orderCount: 1 },
      { currency: 'USD', paidCents: 3000, orderCount: 1 },
    ]);
  });
});

describe('company activity follows its people', () => {
  it('moves timeline entries and orders with a person, and hides a deleted person’s entries', async () => {
    const { api } = await newOrganization();
    const ada = await api.customers.create({ firstName: 'Ada', company: 'First Co' });
    const first = ada.companyId!;
    await api.interactions.create({ customerId: ada.id, type: 'call', subject: 'Hello' });
    const order = await api.orders.create({
      customerId: ada.id,
      currency: 'EUR',
      lines: [{ description: 'Widget', quantity: 1, unitPriceCents: 500 }],
    });
    await api.orders.setStatus({ id: order.id, status: 'placed' });
    await api.orders.setStatus({ id: order.id, status: 'paid' });
    const subjects = async (id: string) =>
      (await api.companies.timeline({ id })).items.map((entry) => entry.subject);
    const revenue = async (id: string) =>
      (await api.companies.revenue({ id })).map((row) => row.paidCents);
    expect(await subjects(first)).toEqual(['Hello']);
    expect(await revenue(first)).toEqual([500]);

    const moved = await api.customers.update({ id: ada.id, company: 'Second Co' });
    const second = moved.companyId!;
    expect(await subjects(first)).toEqual([]);
    expect(await revenue(first)).toEqual([]);
    expect(await subjects(second)).toEqual(['Hello']);
    expect((await api.companies.orders({ id: second })).items.map((o) => o.id)).toEqual([order.id]);

    // A deleted person's entries leave the timeline until restored; their revenue stays.
    await api.customers.delete({ id: ada.id });
    expect(await subjects(second)).toEqual([]);
    expect(await revenue(second)).toEqual([500]);
    await api.customers.restore({ id: ada.id });
    expect(await subjects(second)).toEqual(['Hello']);
  });
});
