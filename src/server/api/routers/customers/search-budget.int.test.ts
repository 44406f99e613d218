import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_BUDGET } from '@/schemas/customers';
import { customers } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import { setupTestServices } from '@/test/services';
import { createTestOrganization, ownerCaller, type TestOrganization } from '@/test/factories';

const { services } = setupTestServices();
const db = () => services().db;

/**
 * One customer a day old, then a whole budget of newer ones: a search whose only match is the
 * old customer cannot find it without examining more than one request may.
 */
let org: TestOrganization;
beforeAll(async () => {
  org = await createTestOrganization(db(), 'Search Budget');
  await withTenant(db(), org.id, async (tx) => {
    await tx.insert(customers).values({
      organizationId: org.id,
      firstName: 'Zebulon',
      lastName: 'Quillfeather',
      createdAt: new Date(Date.now() - 86_400_000),
    });
    await tx.execute(sql`
      insert into ${customers} (organization_id, first_name, last_name, email)
      select ${org.id}::uuid, 'Filler', 'Number ' || n, 'filler' || n || '@example.com'
      from generate_series(1, ${SEARCH_BUDGET}) as n`);
  });
});

const api = () => ownerCaller(services(), org);

describe('customers.list: every search examines a bounded number of customers', () => {
  it.each([
    ['a substring inside a word', 'uillfeath'],
    ['a misspelt name', 'Zebulan'],
  ])('stops %s at the budget and finds the match on the next request', async (_kind, q) => {
    const first = await api().customers.list({ q, limit: 10 });
    expect(first).toMatchObject({ items: [], partial: true });
    expect(first.nextCursor).toEqual(expect.any(String));

    const second = await api().customers.list({ q, limit: 10, cursor: first.nextCursor! });
    expect(second.items.map((c) => c.firstName)).toEqual(['Zebulon']);
    expect(second).toMatchObject({ nextCursor: null, partial: false });
  });

  it('goes on from the budget in a chosen order too', async () => {
    const byName = { q: 'uillfeath', sort: 'name', order: 'asc', limit: 10 } as const;
    const first = await api().customers.list(byName);
    // By name, "Filler …" comes before "Zebulon …": the budget is spent before reaching him.
    expect(first).toMatchObject({ items: [], partial: true });
    const second = await api().customers.list({ ...byName, cursor: first.nextCursor! });
    expect(second.items.map((c) => c.lastName)).toEqual(['Quillfeather']);
  });

  it('finds a name that starts with the term at any age, through the indexes', async () => {
    const page = await api().customers.list({ q: 'Quillfeather', limit: 10 });
    expect(page.items.map((c) => c.firstName)).toEqual(['Zebulon']);
    // Older customers might still contain the term elsewhere (in an address, say).
    expect(page.partial).toBe(true);
    const rest = await api().customers.list({ q: 'Quillfeather', cursor: page.nextCursor! });
    expect(rest).toEqual({ items: [], nextCursor: null, partial: false });
  });

  it('is not partial when the page fills within the budget', async () => {
    const page = await api().customers.list({ q: 'filler', limit: 10 });
    expect(page.items).toHaveLength(10);
    expect(page.partial).toBe(false);
  });

  it('counts a search among the newest customers and says there may be more', async () => {
    expect(await api().customers.count({ q: 'uillfeath' })).toEqual({ count: 0, capped: true });
    // Found through the name index although older than the budget; others might contain it.
    expect(await api().customers.count({ q: 'Zebulon' })).toEqual({ count: 1, capped: true });
    expect(await api().customers.count({ q: 'filler' })).toEqual({ count: 10_000, capped: true });
  });
});
