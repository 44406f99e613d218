import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import { demoCustomers, seededRandom } from '@/server/domain/demo-data';
import { setupTestServices } from '@/test/services';
import {
  createTestOrganization,
  organizationWithOwner,
  ownerCaller,
  type TestOrganization,
} from '@/test/factories';

const { services } = setupTestServices();
const db = () => services().db;

/** The demo organization's customer base: 300 people, most at one of 26 companies. */
let demo: TestOrganization;
beforeAll(async () => {
  demo = await createTestOrganization(db(), 'Search Demo');
  const rows = demoCustomers(seededRandom(42), 300, Date.now());
  await withTenant(db(), demo.id, (tx) =>
    tx.insert(customers).values(rows.map((row) => ({ ...row, organizationId: demo.id }))),
  );
});

async function search(q: string, limit = 100) {
  const api = ownerCaller(services(), demo);
  const [page, count] = await Promise.all([
    api.customers.list({ q, limit }),
    api.customers.count({ q }),
  ]);
  return { items: page.items, count: count.count };
}

describe('customers.list: search on a realistic customer base', () => {
  it.each([
    ['Cohn', (c: Named) => c.lastName === 'Cohen'],
    ['smiht', (c: Named) => c.lastName === 'Smith'],
    ['Patle', (c: Named) => c.lastName === 'Patel'],
    ['Kowalsky', (c: Named) => c.lastName === 'Kowalski'],
    ['Globx', (c: Named) => c.company === 'Globex'],
    ['nakatomi tradng', (c: Named) => c.company === 'Nakatomi Trading'],
    ['Hiroshi Stao', (c: Named) => c.firstName === 'Hiroshi' && c.lastName === 'Sato'],
    ['isabel muller', (c: Named) => c.firstName === 'Isabel' && c.lastName === 'Müller'],
    [
      'Chloe Johanson',
      (c: Named) => c.firstName === 'Chloé' && ['Johansson', 'Johnson'].includes(c.lastName),
    ],
  ])('finds only the plausible matches of the misspelt %s', async (q, intended) => {
    const { items, count } = await search(q);
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((c) => !intended(c)).map(fullName)).toEqual([]);
    expect(count).toBe(items.length);
  });

  it('finds nobody for a term that is close to no name or company', async () => {
    // Each of these used to list the whole base: "com" of every @example.com address is as
    // similar to a short word as a real name is.
    for (const q of ['dark', '1254', 'zzyzx']) {
      expect((await search(q)).count, q).toBe(0);
    }
  });

  it('ranks exact matches first, then names that start with the term, then the rest', async () => {
    const { api } = await organizationWithOwner(services());
    for (const [firstName, lastName] of [
      ['Joann', 'Marsh'],
      ['Anna', 'Bell'],
      ['Dan', 'Annand'],
      ['Ann', 'Lee'],
    ] as const)
      await api.customers.create({ firstName, lastName });

    const { items } = await api.customers.list({ q: 'ann' });
    // Each tier newest first: Dan Annand was added after Anna Bell.
    expect(items.map(fullName)).toEqual(['Ann Lee', 'Dan Annand', 'Anna Bell', 'Joann Marsh']);
    const weakestFirst = await api.customers.list({ q: 'ann', sort: 'relevance', order: 'asc' });
    expect(weakestFirst.items.map(fullName)).toEqual([
      'Joann Marsh',
      'Anna Bell',
      'Dan Annand',
      'Ann Lee',
    ]);
  });

  it('lists the plausible misspellings newest first', async () => {
    const { api } = await organizationWithOwner(services());
    for (const lastName of ['Johanssen', 'Johansson', 'Johnson', 'Jackson']) {
      await api.customers.create({ firstName: 'Sam', lastName });
    }
    // One typo from Johansson, two from Johanssen and Johnson; Jackson is too far.
    const { items } = await api.customers.list({ q: 'johannson' });
    expect(items.map((c) => c.lastName)).toEqual(['Johnson', 'Johansson', 'Johanssen']);
  });

  it('pages through ranked results without gaps or repeats', async () => {
    const api = ownerCaller(services(), demo);
    const walk = async (limit: number) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.customers.list({ q: 'ma', limit, cursor });
        ids.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    const inPagesOf17 = await walk(17);
    expect(inPagesOf17.length).toBe((await search('ma')).count);
    expect(inPagesOf17.length).toBeGreaterThan(17 * 3);
    expect(new Set(inPagesOf17).size).toBe(inPagesOf17.length);
    expect(inPagesOf17).toEqual(await walk(100));
  });

  it('keeps a chosen order for a search', async () => {
    const api = ownerCaller(services(), demo);
    const found = await api.customers.list({ q: 'smith', sort: 'name', order: 'asc' });
    const everyone: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.customers.list({ sort: 'name', order: 'asc', limit: 100, cursor });
      everyone.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const ids = found.items.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toEqual(everyone.filter((id) => ids.includes(id)));
  });
});

interface Named {
  firstName: string;
  lastName: string;
  company: string | null;
}

const fullName = (c: Named) => `${c.firstName} ${c.lastName}`;
