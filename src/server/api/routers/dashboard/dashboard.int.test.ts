import { describe, expect, it } from 'vitest';
import { createTestOrganization, ownerCaller } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

describe('the dashboard', () => {
  it('counts customers by status, new customers this week, paid revenue, top customers and recent activity', async () => {
    const org = await createTestOrganization(services().db);
    const api = ownerCaller(services(), org);
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

    expect(await api.dashboard.customersByStatus()).toEqual([
      { status: 'lead', count: 1 },
      { status: 'active', count: 2 },
      { status: 'inactive', count: 0 },
      { status: 'churned', count: 0 },
    ]);
    const weeks = await api.dashboard.newCustomersPerWeek();
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)!.count).toBe(3);
    const month = new Date().toISOString().slice(0, 7);
    expect(await api.dashboard.revenuePerMonth()).toEqual([
      { month, currency: 'EUR', totalCents: 105_000 },
    ]);
    expect(
      (await api.dashboard.topCustomers()).map((c) => [c.name, c.totalCents, c.orders]),
    ).toEqual([
      ['Big Spender', 100_000, 2],
      ['Small', 5_000, 1],
    ]);
    const activity = await api.dashboard.recentActivity();
    expect(activity[0]).toMatchObject({
      action: 'order.status_changed',
      entityType: 'order',
      actorName: 'Owner',
    });
  });
});
