import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiServer } from '@/test/api-server';
import { createTestApiKey } from '@/test/api-keys';
import { createTestOrganization, ownerCaller, type TestOrganization } from '@/test/factories';

const { services, server } = setupApiServer();
let org: TestOrganization;
let managerKey: string;
const orderNumbers: Record<'ana' | 'bob', number> = { ana: 0, bob: 0 };

beforeAll(async () => {
  org = await createTestOrganization(services().db);
  const api = ownerCaller(services(), org);
  const ana = await api.customers.create({ firstName: 'Ana', lastName: 'Silva' });
  const bob = await api.customers.create({ firstName: '=cmd()', lastName: 'Builder' });
  const anas = await api.orders.create({
    customerId: ana.id,
    currency: 'EUR',
    lines: [
      { description: 'Consulting', quantity: 2, unitPriceCents: 50_000 },
      { description: 'Travel', quantity: 1, unitPriceCents: 1_999 },
    ],
  });
  await api.orders.setStatus({ id: anas.id, status: 'placed' });
  await api.orders.setStatus({ id: anas.id, status: 'paid' });
  const bobs = await api.orders.create({
    customerId: bob.id,
    currency: 'JPY',
    lines: [{ description: 'Tea', quantity: 3, unitPriceCents: 500 }],
  });
  orderNumbers.ana = anas.number;
  orderNumbers.bob = bobs.number;
  ({ key: managerKey } = await createTestApiKey(services().db, org.id, 'manager'));
});

const get = (path: string, key = managerKey) =>
  fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });

async function csvOf(path: string) {
  const res = await get(`/api/exports/${path}`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return {
    header: text.replace(/^\uFEFF/, '').split('\n')[0],
    rows: parse(text, { bom: true, columns: true }) as Record<string, string>[],
  };
}

describe('the orders CSV export', () => {
  it('has human headers, one row per order newest first, amounts as the currency writes them', async () => {
    const res = await get('/api/exports/orders.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="orders-test-.*\.csv"/,
    );
    const { header, rows } = await csvOf('orders.csv');
    expect(header).toBe(
      'Number,Customer,Status,Total,Currency,Lines,Created,Placed,Paid,Fulfilled,Cancelled,Order ID,Customer ID',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      Number: String(orderNumbers.bob),
      // A name a spreadsheet would run as a formula is neutralised.
      Customer: "'=cmd() Builder",
      Status: 'Draft',
      Total: '1500',
      Currency: 'JPY',
      Lines: '1',
      Paid: '',
    });
    expect(rows[1]).toMatchObject({
      Number: String(orderNumbers.ana),
      Customer: 'Ana Silva',
      Status: 'Paid',
      Total: '1019.99',
      Currency: 'EUR',
      Lines: '2',
    });
    expect(new Date(rows[1]!.Paid!).getTime()).not.toBeNaN();
  });

  it('exports what the list filters: search by number or name, statuses, totals', async () => {
    const number = await csvOf(`orders.csv?q=${encodeURIComponent(`#${orderNumbers.ana}`)}`);
    expect(number.rows.map((row) => row.Customer)).toEqual(['Ana Silva']);
    const byName = await csvOf('orders.csv?q=builder');
    expect(byName.rows.map((row) => row.Number)).toEqual([String(orderNumbers.bob)]);
    const paid = await csvOf('orders.csv?status=paid&status=fulfilled');
    expect(paid.rows.map((row) => row.Status)).toEqual(['Paid']);
    const big = await csvOf('orders.csv?minTotalCents=10000');
    expect(big.rows.map((row) => row.Customer)).toEqual(['Ana Silva']);
    const none = await csvOf('orders.csv?q=nobody');
    expect(none.header).toMatch(/^Number,Customer,/);
    expect(none.rows).toEqual([]);
    expect((await get('/api/exports/orders.csv?minTotalCents=lots')).status).toBe(400);
  });

  it('is audited, and refused to roles without data:export', async () => {
    await csvOf('orders.csv?status=draft');
    const audit = await ownerCaller(services(), org).audit.list({ action: 'orders.exported' });
    expect(audit.items[0]?.changes.after).toMatchObject({ rows: 1 });
    const member = await createTestApiKey(services().db, org.id, 'member');
    expect((await get('/api/exports/orders.csv', member.key)).status).toBe(403);
  });
});

describe('the orders REST list', () => {
  it('takes the search and the totals from the query string', async () => {
    const items = async (query: string) => {
      const res = await get(`/api/v1/orders?${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { number: number }[] }).items.map((o) => o.number);
    };
    expect(await items(`q=${encodeURIComponent(`#${orderNumbers.bob}`)}`)).toEqual([
      orderNumbers.bob,
    ]);
    expect(await items('q=silva')).toEqual([orderNumbers.ana]);
    expect(await items('maxTotalCents=1500')).toEqual([orderNumbers.bob]);
    expect((await get('/api/v1/orders?maxTotalCents=-5')).status).toBe(400);
  });

  it("tells an order's status history with who changed it", async () => {
    const list = (await (await get(`/api/v1/orders?q=${orderNumbers.ana}`)).json()) as {
      items: { id: string }[];
    };
    const res = await get(`/api/v1/orders/${list.items[0]!.id}/history`);
    expect(res.status).toBe(200);
    const history = (await res.json()) as { items: { status: string; actorName: string }[] };
    expect(history.items.map((step) => [step.status, step.actorName])).toEqual([
      ['draft', 'Owner'],
      ['placed', 'Owner'],
      ['paid', 'Owner'],
    ]);
  });
});
