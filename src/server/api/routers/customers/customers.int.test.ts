import { describe, expect, it } from 'vitest';
import { withTenant } from '@/server/db/tenant';
import { auditLogs } from '@/server/db/schema';
import { codeOf } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';
import {
  callerAs,
  createTestOrganization,
  newMemberCaller,
  organizationWithOwner,
} from '@/test/factories';

const { services } = setupTestServices();
const db = () => services().db;

async function auditTrail(organizationId: string) {
  return withTenant(db(), organizationId, (tx) => tx.select().from(auditLogs));
}

describe('customers.create', () => {
  it('creates a customer and writes its audit row with the actor and request', async () => {
    const { org, api } = await organizationWithOwner(services());

    const customer = await api.customers.create({
      firstName: ' Ada ',
      lastName: 'Lovelace',
      email: 'Ada@Example.com',
      tags: ['vip', 'vip', 'eu'],
    });

    expect(customer).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'Ada@Example.com',
      status: 'lead',
      tags: ['vip', 'eu'],
      version: 1,
    });
    const created = (await auditTrail(org.id)).filter((row) => row.action === 'customer.created');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      actorType: 'user',
      actorId: org.ownerId,
      entityType: 'customer',
      entityId: customer.id,
      userAgent: 'vitest',
      ipAddress: '203.0.113.7',
    });
    expect(created[0]!.requestId).toMatch(/^test-/);
    expect(created[0]!.changes.after).toMatchObject({ id: customer.id, email: 'Ada@Example.com' });
  });

  it('refuses a second live customer with the same e-mail in any letter case, and audits nothing', async () => {
    const { org, api } = await organizationWithOwner(services());
    await api.customers.create({ firstName: 'Ada', email: 'ada@example.com' });

    expect(
      await codeOf(api.customers.create({ firstName: 'Other', email: 'ADA@example.COM' })),
    ).toBe('CONFLICT');
    const actions = (await auditTrail(org.id)).map((row) => row.action).sort();
    expect(actions).toEqual(['customer.created', 'organization.created']);
  });

  it('allows the same e-mail in two organizations', async () => {
    const a = await organizationWithOwner(services());
    const b = await organizationWithOwner(services());
    await a.api.customers.create({ firstName: 'Ada', email: 'shared@example.com' });
    await expect(
      b.api.customers.create({ firstName: 'Ada', email: 'shared@example.com' }),
    ).resolves.toMatchObject({ email: 'shared@example.com' });
  });

  it('never takes ids, organization, version or timestamps from input', async () => {
    const { api } = await organizationWithOwner(services());
    const other = await createTestOrganization(db());
    const attempt = api.customers.create({
      firstName: 'Mallory',
      organizationId: other.id,
      version: 99,
    } as never);
    expect(await codeOf(attempt)).toBe('BAD_REQUEST');
  });

  it('rejects an owner who is not a member of the organization', async () => {
    const { api } = await organizationWithOwner(services());
    const other = await createTestOrganization(db());
    const attempt = api.customers.create({
      firstName: 'Ada',
      ownerId: other.ownerId,
    });
    expect(await codeOf(attempt)).toBe('BAD_REQUEST');
  });

  it('is refused to a viewer, who may still read', async () => {
    const org = await createTestOrganization(db());
    const api = await newMemberCaller(services(), org, 'viewer');
    expect(await codeOf(api.customers.create({ firstName: 'Nope' }))).toBe('FORBIDDEN');
    await expect(api.customers.list({})).resolves.toEqual({
      items: [],
      nextCursor: null,
      partial: false,
    });
  });
});

describe('customers.get', () => {
  it("answers NOT_FOUND for another organization's customer, exactly as for a missing one", async () => {
    const { api } = await organizationWithOwner(services());
    const b = await organizationWithOwner(services());
    const theirs = await b.api.customers.create({ firstName: 'Secret' });

    expect(await codeOf(api.customers.get({ id: theirs.id }))).toBe('NOT_FOUND');
    expect(await codeOf(api.customers.get({ id: crypto.randomUUID() }))).toBe('NOT_FOUND');
    await expect(b.api.customers.get({ id: theirs.id })).resolves.toMatchObject({
      firstName: 'Secret',
    });
  });

  it('needs a caller', async () => {
    expect(
      await codeOf(callerAs(services(), null).customers.get({ id: crypto.randomUUID() })),
    ).toBe('UNAUTHORIZED');
  });
});

describe('customers.list', () => {
  async function orgWithCustomers(names: [string, string, string | null][]) {
    const { api } = await organizationWithOwner(services());
    for (const [firstName, lastName, company] of names) {
      await api.customers.create({ firstName, lastName, company, allowDuplicate: true });
    }
    return api;
  }

  it('walks every page with the keyset cursor, in each sort and direction, without gaps or repeats', async () => {
    const names: [string, string, string | null][] = Array.from({ length: 23 }, (_, i) => [
      `Person${String(i % 7)}`,
      `Family${String(i)}`,
      i % 3 === 0 ? null : `Company ${String(i % 4)}`,
    ]);
    const api = await orgWithCustomers(names);

    for (const sort of ['createdAt', 'updatedAt', 'name', 'company'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await api.customers.list({ limit: 5, sort, order, cursor });
          seen.push(...page.items.map((c) => c.id));
          cursor = page.nextCursor ?? undefined;
          pages += 1;
        } while (cursor && pages < 20);

        const all = await api.customers.list({ limit: 100, sort, order });
        expect(seen, `${sort} ${order}`).toEqual(all.items.map((c) => c.id));
        expect(new Set(seen).size).toBe(23);
        expect(pages).toBe(5);
      }
    }
  });

  it('sorts by name and company as people expect', async () => {
    const api = await orgWithCustomers([
      ['charlie', 'Brown', 'Zeta'],
      ['Alice', 'Smith', 'alpha'],
      ['bob', 'Jones', null],
    ]);
    const byName = await api.customers.list({ sort: 'name', order: 'asc' });
    expect(byName.items.map((c) => c.firstName)).toEqual(['Alice', 'bob', 'charlie']);
    const byCompany = await api.customers.list({ sort: 'company', order: 'desc' });
    expect(byCompany.items.map((c) => c.company)).toEqual(['Zeta', 'alpha', null]);
  });

  it('searches name, e-mail and company case-insensitively and forgives a typo', async () => {
    const { api } = await organizationWithOwner(services());
    await api.customers.create({
      firstName: 'Johnathan',
      lastName: 'Appleseed',
      company: 'Orchard Ltd',
    });
    await api.customers.create({
      firstName: 'Maria',
      lastName: 'García',
      email: 'maria@finca.example',
    });
    await api.customers.create({ firstName: 'Wei', lastName: 'Zhang', company: 'Globex' });

    const names = async (q: string) =>
      (await api.customers.list({ q })).items.map((c) => c.firstName).sort();
    expect(await names('APPLESEED')).toEqual(['Johnathan']);
    expect(await names('finca')).toEqual(['Maria']);
    expect(await names('glob')).toEqual(['Wei']);
    expect(await names('Appelseed')).toEqual(['Johnathan']);
    expect(await names('100%_')).toEqual([]);
  });

  it('lists only exact matches when there are any, not their near misses', async () => {
    const { api } = await organizationWithOwner(services());
    for (const lastName of ['Number 25', 'Number 251', 'Number 252'])
      await api.customers.create({ firstName: 'Person', lastName, allowDuplicate: true });

    const lastNames = async (q: string) =>
      (await api.customers.list({ q })).items.map((c) => c.lastName).sort();
    expect(await lastNames('number 251')).toEqual(['Number 251']);
    expect(await lastNames('number 25')).toEqual(['Number 25', 'Number 251', 'Number 252']);
    expect(await lastNames('numbr 251')).toEqual(['Number 25', 'Number 251', 'Number 252']);
    expect((await api.customers.count({ q: 'number 251' })).count).toBe(1);
  });

  it('finds the customer with a whole e-mail address, not others that contain it', async () => {
    const { api } = await organizationWithOwner(services());
    await api.customers.create({ firstName: 'Ann', email: 'ann@example.com' });
    await api.customers.create({ firstName: 'Joann', email: 'joann@example.com' });

    const names = async (q: string) =>
      (await api.customers.list({ q })).items.map((c) => c.firstName).sort();
    expect(await names('ANN@example.com')).toEqual(['Ann']);
    expect(await names('ann@example')).toEqual(['Ann', 'Joann']);
    expect((await api.customers.count({ q: 'ann@example.com' })).count).toBe(1);
  });

  it('filters by status, tag, owner and updatedSince', async () => {
    const { org, api } = await organizationWithOwner(services());
    const before = new Date();
    await api.customers.create({ firstName: 'Lead', status: 'lead', tags: ['eu'] });
    await api.customers.create({ firstName: 'Active', status: 'active', ownerId: org.ownerId });
    await api.customers.create({ firstName: 'Churned', status: 'churned', tags: ['eu'] });

    const names = async (input: Parameters<typeof api.customers.list>[0]) =>
      (await api.customers.list(input)).items.map((c) => c.firstName).sort();
    expect(await names({ status: ['lead', 'churned'] })).toEqual(['Churned', 'Lead']);
    expect(await names({ tag: 'eu' })).toEqual(['Churned', 'Lead']);
    expect(await names({ ownerId: org.ownerId })).toEqual(['Active']);
    expect(await names({ updatedSince: before })).toHaveLength(3);
    expect(await names({ updatedSince: new Date(Date.now() + 60_000) })).toEqual([]);
  });

  it('refuses a cursor made for another sort, or made up', async () => {
    const api = await orgWithCustomers([
      ['A', 'A', null],
      ['B', 'B', null],
    ]);
    const page = await api.customers.list({ limit: 1, sort: 'name', order: 'asc' });
    expect(
      await codeOf(api.customers.list({ limit: 1, sort: 'createdAt', cursor: page.nextCursor! })),
    ).toBe('BAD_REQUEST');
    expect(await codeOf(api.customers.list({ cursor: 'bm90IGEgY3Vyc29y' }))).toBe('BAD_REQUEST');
  });
});
