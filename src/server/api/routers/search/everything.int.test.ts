import { describe, expect, it, vi } from 'vitest';
import type * as Permissions from '@/schemas/permissions';
import type { Permission, Role } from '@/schemas/permissions';
import { newMemberCaller, organizationWithOwner } from '@/test/factories';
import { codeOf } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';

/** In this file a viewer's role does not grant reading orders or tasks. */
vi.mock('@/schemas/permissions', async (importOriginal) => {
  const original = await importOriginal<typeof Permissions>();
  const withheld: Permission[] = ['orders:read', 'tasks:read'];
  return {
    ...original,
    can: (role: Role, permission: Permission) =>
      !(role === 'viewer' && withheld.includes(permission)) && original.can(role, permission),
  };
});

const { services } = setupTestServices();

/** An organization with one record of each kind, all about "Rafael" or "Rafa". */
async function organizationWithRecords() {
  const { org, api } = await organizationWithOwner(services());
  const customer = await api.customers.create({
    firstName: 'Rafael',
    lastName: 'Nadal',
    email: 'rafael@mallorca.example',
    company: 'Rafa Academy',
  });
  const company = (await api.companies.list({ q: 'Rafa Academy' })).items[0]!;
  const deal = await api.deals.create({
    title: 'Rafa renewal',
    currency: 'EUR',
    amountCents: 120000,
  });
  const order = await api.orders.create({
    customerId: customer.id,
    currency: 'EUR',
    lines: [{ description: 'Racquets', quantity: 2, unitPriceCents: 25000 }],
  });
  const task = await api.tasks.create({ title: 'Call Rafa about the renewal' });
  return { org, api, customer, company, deal, order, task };
}

describe('search.everything', () => {
  it('finds each kind of record: customers, companies, deals and tasks by text', async () => {
    const { api, customer, company, deal, task } = await organizationWithRecords();
    const { items } = await api.search.everything({ q: 'rafa' });
    const found = items.map((item) => `${item.kind}:${item.id}`);
    expect(found).toEqual(
      expect.arrayContaining([
        `customer:${customer.id}`,
        `company:${company.id}`,
        `deal:${deal.id}`,
        `task:${task.id}`,
      ]),
    );
    expect(items.find((item) => item.kind === 'customer')).toMatchObject({
      title: 'Rafael Nadal',
      subtitle: 'Rafa Academy',
      href: `/customers/${customer.id}`,
    });
    expect(items.find((item) => item.kind === 'company')?.href).toBe(`/companies/${company.id}`);
    expect(items.find((item) => item.kind === 'deal')?.href).toBe(`/deals/${deal.id}`);
    expect(items.find((item) => item.kind === 'task')).toMatchObject({
      title: 'Call Rafa about the renewal',
      subtitle: 'Open task',
      href: '/tasks',
    });
  });

  it('finds an order by its number, however it is written', async () => {
    const { api, order } = await organizationWithRecords();
    for (const q of [String(order.number), `#${order.number}`, `ORD-${order.number}`]) {
      const { items } = await api.search.everything({ q });
      expect(items[0], q).toEqual({
        kind: 'order',
        id: order.id,
        title: `Order #${order.number}`,
        subtitle: expect.stringContaining('Rafael Nadal') as string,
        href: `/orders/${order.id}`,
      });
    }
    expect((await api.search.everything({ q: 'Racquets' })).items).toEqual([]);
  });

  it('puts a record that is the term before those that start with it, and those before the rest', async () => {
    const { api } = await organizationWithOwner(services());
    await api.deals.create({ title: 'Sunrise expansion', currency: 'USD', amountCents: 100 });
    await api.tasks.create({ title: 'Prepare the Sunrise quote' });
    await api.companies.create({ name: 'Sunrise' });
    await api.customers.create({ firstName: 'Sunny', lastName: 'Day' });

    const { items } = await api.search.everything({ q: 'sunrise' });
    expect(items.map((item) => item.title)).toEqual([
      'Sunrise',
      'Sunrise expansion',
      'Prepare the Sunrise quote',
    ]);
  });

  it('never shows another organization’s records', async () => {
    const { api: mine } = await organizationWithRecords();
    const { api: theirs } = await organizationWithOwner(services());
    const theirCustomer = await theirs.customers.create({
      firstName: 'Rafaela',
      lastName: 'Other',
    });
    await theirs.deals.create({ title: 'Rafa elsewhere', currency: 'USD', amountCents: 1 });
    await theirs.tasks.create({ title: 'Rafa elsewhere' });
    const theirOrder = await theirs.orders.create({
      customerId: theirCustomer.id,
      currency: 'USD',
      lines: [{ description: 'Balls', quantity: 1, unitPriceCents: 100 }],
    });

    const byText = await mine.search.everything({ q: 'rafa' });
    expect(byText.items.length).toBeGreaterThan(0);
    expect(byText.items.map((item) => item.title)).not.toContain('Rafaela Other');
    expect(byText.items.map((item) => item.title)).not.toContain('Rafa elsewhere');
    const byNumber = await mine.search.everything({ q: `#${theirOrder.number}` });
    expect(byNumber.items.map((item) => item.id)).not.toContain(theirOrder.id);
  });

  it('leaves out the kinds the role may not read', async () => {
    const { org, order } = await organizationWithRecords();
    const viewer = await newMemberCaller(services(), org, 'viewer');

    const kinds = (await viewer.search.everything({ q: 'rafa' })).items.map((item) => item.kind);
    expect(new Set(kinds)).toEqual(new Set(['customer', 'company', 'deal']));
    expect((await viewer.search.everything({ q: String(order.number) })).items).toEqual([]);
  });

  it('refuses an empty or overlong term', async () => {
    const { api } = await organizationWithOwner(services());
    expect(await codeOf(api.search.everything({ q: '  ' }))).toBe('BAD_REQUEST');
    expect(await codeOf(api.search.everything({ q: 'x'.repeat(201) }))).toBe('BAD_REQUEST');
  });
});
