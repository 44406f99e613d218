import { beforeAll, describe, expect, it } from 'vitest';
import { organizationWithOwner } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

/** An organization with three customers and four orders, three of them paid. */
async function sellingOrganization() {
  const { api } = await organizationWithOwner(services());
  const big = await api.customers.create({
    firstName: 'Big',
    lastName: 'Spender',
    status: 'active',
  });
  const small = await api.customers.create({ firstName: 'Small', status: 'active' });
  await api.customers.create({ firstName: 'Maybe', status: 'lead' });
  const sell = async (customerId: string, cents: number, pay: boolean) => {
    const order = await api.orders.create({
      customerId,
      currency: 'EUR',
      lines: [{ description: 'Item', quantity: 1, unitPriceCents: cents }],
    });
    await api.orders.setStatus({ id: order.id, status: 'placed' });
    if (pay) await api.orders.setStatus({ id: order.id, status: 'paid' });
  };
  await sell(big.id, 90_000, true);
  await sell(big.id, 10_000, true);
  await sell(small.id, 5_000, true);
  await sell(small.id, 70_000, false);
  return api;
}

let api: Awaited<ReturnType<typeof sellingOrganization>>;
beforeAll(async () => {
  api = await sellingOrganization();
});

describe('dashboard.customersByStatus', () => {
  it('counts customers in every status, those without any included', async () => {
    expect(await api.dashboard.customersByStatus()).toEqual([
      { status: 'lead', count: 1 },
      { status: 'active', count: 2 },
      { status: 'inactive', count: 0 },
      { status: 'churned', count: 0 },
    ]);
  });
});

describe('dashboard.newCustomersPerWeek', () => {
  it('covers twelve weeks and counts the new customers of this one', async () => {
    const weeks = await api.dashboard.newCustomersPerWeek();
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)!.count).toBe(3);
  });
});

describe('dashboard.revenuePerMonth', () => {
  it('sums paid orders only, per month and currency', async () => {
    const month = new Date().toISOString().slice(0, 7);
    expect(await api.dashboard.revenuePerMonth()).toEqual([
      { month, currency: 'EUR', totalCents: 105_000 },
    ]);
  });
});

describe('dashboard.topCustomers', () => {
  it('ranks customers by paid revenue, with their number of paid orders', async () => {
    expect(
      (await api.dashboard.topCustomers()).map((c) => [c.name, c.totalCents, c.orders]),
    ).toEqual([
      ['Big Spender', 100_000, 2],
      ['Small', 5_000, 1],
    ]);
  });
});

describe('dashboard.recentActivity', () => {
  it('starts with the latest change and who made it', async () => {
    const activity = await api.dashboard.recentActivity();
    expect(activity[0]).toMatchObject({
      action: 'order.status_changed',
      entityType: 'order',
      actorName: 'Owner',
    });
  });
});
