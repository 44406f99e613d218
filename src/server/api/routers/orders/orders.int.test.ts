import { describe, expect, it } from 'vitest';
import { newMemberCaller, organizationWithOwner } from '@/test/factories';
import { codeOf } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

const twoLines = [
  { description: 'Widget', quantity: 3, unitPriceCents: 1250 },
  { description: 'Setup', quantity: 1, unitPriceCents: 9900 },
];

/** An organization with a customer, and `newOrder`, which drafts an order of theirs. */
async function withCustomer() {
  const { org, api } = await organizationWithOwner(services());
  const customer = await api.customers.create({ firstName: 'Olly', lastName: 'Order' });
  const newOrder = (currency = 'USD') =>
    api.orders.create({ customerId: customer.id, currency, lines: twoLines });
  return { org, api, customer, newOrder };
}

describe('orders.create', () => {
  it('computes line and order totals on the server and numbers orders per organization', async () => {
    const { newOrder } = await withCustomer();
    const first = await newOrder('eur');
    expect(first).toMatchObject({
      number: 1001,
      status: 'draft',
      currency: 'EUR',
      totalCents: 3 * 1250 + 9900,
      customerName: 'Olly Order',
      lines: [
        { description: 'Widget', quantity: 3, unitPriceCents: 1250, totalCents: 3750 },
        { description: 'Setup', quantity: 1, unitPriceCents: 9900, totalCents: 9900 },
      ],
    });
    expect((await newOrder('EUR')).number).toBe(1002);
    const elsewhere = await withCustomer();
    expect((await elsewhere.newOrder()).number).toBe(1001);
  });

  it('refuses totals from the client, negative prices, empty orders and bad currencies', async () => {
    const { api, customer } = await withCustomer();
    const attempts = [
      { customerId: customer.id, currency: 'EUR', lines: twoLines, totalCents: 1 },
      {
        customerId: customer.id,
        currency: 'EUR',
        lines: [{ description: 'x', quantity: 1, unitPriceCents: -5 }],
      },
      { customerId: customer.id, currency: 'EUR', lines: [] },
      { customerId: customer.id, currency: 'EURO', lines: twoLines },
      {
        customerId: customer.id,
        currency: 'EUR',
        lines: [{ description: 'x', quantity: 0.5, unitPriceCents: 100 }],
      },
    ];
    for (const attempt of attempts)
      expect(await codeOf(api.orders.create(attempt as never)), JSON.stringify(attempt)).toBe(
        'BAD_REQUEST',
      );
  });

  it('is for managers and above only, while members may still list', async () => {
    const { org, customer } = await withCustomer();
    const asMember = await newMemberCaller(services(), org, 'member');
    expect(
      await codeOf(
        asMember.orders.create({ customerId: customer.id, currency: 'USD', lines: twoLines }),
      ),
    ).toBe('FORBIDDEN');
    await expect(asMember.orders.list({})).resolves.toMatchObject({ items: [] });
  });
});

describe('orders.setStatus', () => {
  it('moves draft → placed → paid → fulfilled, and refuses any other step without changing the order', async () => {
    const { api, newOrder } = await withCustomer();
    const order = await newOrder();
    expect(await codeOf(api.orders.setStatus({ id: order.id, status: 'paid' }))).toBe('CONFLICT');
    expect((await api.orders.get({ id: order.id })).status).toBe('draft');

    const placed = await api.orders.setStatus({ id: order.id, status: 'placed' });
    expect(placed.placedAt).toBeInstanceOf(Date);
    const paid = await api.orders.setStatus({ id: order.id, status: 'paid' });
    expect(paid.paidAt).toBeInstanceOf(Date);
    expect(await codeOf(api.orders.setStatus({ id: order.id, status: 'cancelled' }))).toBe(
      'CONFLICT',
    );
    expect(
      await codeOf(api.orders.setStatus({ id: order.id, status: 'paid', expectedVersion: 1 })),
    ).toBe('CONFLICT');
    const fulfilled = await api.orders.setStatus({ id: order.id, status: 'fulfilled' });
    expect(fulfilled).toMatchObject({ status: 'fulfilled', version: 4 });
    expect(await codeOf(api.orders.setStatus({ id: order.id, status: 'draft' }))).toBe('CONFLICT');

    const other = await newOrder();
    await api.orders.setStatus({ id: other.id, status: 'placed' });
    expect((await api.orders.setStatus({ id: other.id, status: 'cancelled' })).status).toBe(
      'cancelled',
    );
  });
});

describe('orders.updateLines', () => {
  it('lets lines change only while the order is a draft', async () => {
    const { api, newOrder } = await withCustomer();
    const order = await newOrder();
    const changed = await api.orders.updateLines({
      id: order.id,
      lines: [{ description: 'Only this', quantity: 2, unitPriceCents: 500 }],
    });
    expect(changed).toMatchObject({
      totalCents: 1000,
      version: 2,
      lines: [{ description: 'Only this', totalCents: 1000 }],
    });
    await api.orders.setStatus({ id: order.id, status: 'placed' });
    expect(await codeOf(api.orders.updateLines({ id: order.id, lines: twoLines }))).toBe(
      'CONFLICT',
    );
  });
});

describe('orders.list', () => {
  it('lists across the organization by status, customer and date', async () => {
    const { api, customer, newOrder } = await withCustomer();
    const other = await api.customers.create({ firstName: 'Other' });
    const a = await newOrder();
    const b = await api.orders.create({ customerId: other.id, currency: 'USD', lines: twoLines });
    await api.orders.setStatus({ id: b.id, status: 'placed' });
    const ids = async (input: Parameters<typeof api.orders.list>[0]) =>
      (await api.orders.list(input)).items.map((o) => o.id);
    expect(await ids({})).toEqual([b.id, a.id]);
    expect(await ids({ status: ['placed'] })).toEqual([b.id]);
    expect(await ids({ customerId: customer.id })).toEqual([a.id]);
    expect(await ids({ createdFrom: new Date(Date.now() + 60_000) })).toEqual([]);
    const page = await api.orders.list({ limit: 1 });
    expect(
      (await api.orders.list({ limit: 1, cursor: page.nextCursor! })).items.map((o) => o.id),
    ).toEqual([a.id]);
  });
});

describe('orders.list search', () => {
  it('finds an order by its number, with or without the "#" or "Order" the pages show', async () => {
    const { api, newOrder } = await withCustomer();
    const first = await newOrder();
    const second = await newOrder();
    const ids = async (q: string) => (await api.orders.list({ q })).items.map((o) => o.id);
    for (const q of [
      String(second.number),
      `#${second.number}`,
      `Order #${second.number}`,
      `ORD-${second.number}`,
    ])
      expect(await ids(q), q).toEqual([second.id]);
    expect(await ids(`# ${first.number}`)).toEqual([first.id]);
    // The start of a number finds the orders whose number it begins, newest first.
    expect(await ids(String(first.number).slice(0, 3))).toEqual([second.id, first.id]);
    expect(await ids('#999999')).toEqual([]);
  });

  it("finds orders by part of the customer's name, case-insensitively, with the other filters", async () => {
    const { api, newOrder } = await withCustomer();
    const ana = await api.customers.create({ firstName: 'Ana', lastName: 'Silva' });
    const anas = await api.orders.create({
      customerId: ana.id,
      currency: 'EUR',
      lines: [{ description: 'Consulting', quantity: 2, unitPriceCents: 50_000 }],
    });
    const ollys = await newOrder();
    const ids = async (input: Parameters<typeof api.orders.list>[0]) =>
      (await api.orders.list(input)).items.map((o) => o.id);
    expect(await ids({ q: 'ana silva' })).toEqual([anas.id]);
    expect(await ids({ q: 'SILV' })).toEqual([anas.id]);
    expect(await ids({ q: 'order' })).toEqual([ollys.id]);
    // "%" and "_" are letters to look for, not wildcards.
    expect(await ids({ q: '%' })).toEqual([]);
    expect(await ids({ q: 'silva', status: ['placed'] })).toEqual([]);
  });

  it('filters by the range of totals, both ends included', async () => {
    const { api, newOrder } = await withCustomer();
    const small = await newOrder(); // 3 × 12.50 + 99.00 = 136.50
    const big = await api.orders.create({
      customerId: small.customerId!,
      currency: 'USD',
      lines: [{ description: 'Licence', quantity: 1, unitPriceCents: 500_000 }],
    });
    const ids = async (input: Parameters<typeof api.orders.list>[0]) =>
      (await api.orders.list(input)).items.map((o) => o.id);
    expect(await ids({ minTotalCents: 13_650 })).toEqual([big.id, small.id]);
    expect(await ids({ minTotalCents: 13_651 })).toEqual([big.id]);
    expect(await ids({ maxTotalCents: 13_650 })).toEqual([small.id]);
    expect(await ids({ minTotalCents: 20_000, maxTotalCents: 400_000 })).toEqual([]);
    expect(await codeOf(api.orders.list({ minTotalCents: -1 }))).toBe('BAD_REQUEST');
  });

  it("never finds another organization's orders", async () => {
    const mine = await withCustomer();
    const theirs = await withCustomer();
    await theirs.newOrder();
    expect((await mine.api.orders.list({ q: 'Olly' })).items).toEqual([]);
    expect((await mine.api.orders.list({ q: '1001' })).items).toEqual([]);
  });
});

describe('orders.statusHistory', () => {
  it('names who created the order and who moved it to each status, oldest first', async () => {
    const { org, api, newOrder } = await withCustomer();
    const order = await newOrder();
    const manager = await newMemberCaller(services(), org, 'manager');
    await api.orders.setStatus({ id: order.id, status: 'placed' });
    await manager.orders.setStatus({ id: order.id, status: 'paid' });

    const { items } = await api.orders.statusHistory({ id: order.id });
    expect(
      items.map(({ status, actorName, actorType }) => ({ status, actorName, actorType })),
    ).toEqual([
      { status: 'draft', actorName: 'Owner', actorType: 'user' },
      { status: 'placed', actorName: 'Owner', actorType: 'user' },
      { status: 'paid', actorName: 'manager user', actorType: 'user' },
    ]);
    const paid = await api.orders.get({ id: order.id });
    expect(items[2]!.at).toEqual(paid.paidAt);
  });

  it('still names the creator after many line changes, and who cancelled', async () => {
    const { org, api, newOrder } = await withCustomer();
    const order = await newOrder();
    // More changes of lines than the history reads rows: they are not what it reads.
    for (let quantity = 1; quantity <= 12; quantity++) {
      await api.orders.updateLines({
        id: order.id,
        lines: [{ description: 'Racquet', quantity, unitPriceCents: 500 }],
      });
    }
    const manager = await newMemberCaller(services(), org, 'manager');
    await manager.orders.setStatus({ id: order.id, status: 'cancelled' });

    const { items } = await api.orders.statusHistory({ id: order.id });
    expect(items.map(({ status, actorName }) => ({ status, actorName }))).toEqual([
      { status: 'draft', actorName: 'Owner' },
      { status: 'cancelled', actorName: 'manager user' },
    ]);
  });

  it('is readable by every role that reads orders, and a stranger order is not found', async () => {
    const { org, newOrder } = await withCustomer();
    const order = await newOrder();
    const viewer = await newMemberCaller(services(), org, 'viewer');
    expect((await viewer.orders.statusHistory({ id: order.id })).items).toMatchObject([
      { status: 'draft', actorName: 'Owner' },
    ]);
    const elsewhere = await withCustomer();
    expect(await codeOf(elsewhere.api.orders.statusHistory({ id: order.id }))).toBe('NOT_FOUND');
  });
});
