import { describe, expect, it } from 'vitest';
import { auditLogs, customers } from '@/server/db/schema';
import { insertCustomer } from '@/server/db/repositories/customer-writes';
import { insertAuditLog } from '@/server/db/repositories/audit-logs';
import { withTenant } from '@/server/db/tenant';
import { newMemberCaller, organizationWithOwner } from '@/test/factories';
import { codeOf } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

const newOrg = () => organizationWithOwner(services());

describe('customers.update', () => {
  it('changes only the fields given, bumps the version, and audits before and after', async () => {
    const { org, api } = await newOrg();
    const created = await api.customers.create({
      firstName: 'Ada',
      lastName: 'Byron',
      company: 'Analytical',
      tags: ['a'],
    });
    const updated = await api.customers.update({
      id: created.id,
      lastName: 'Lovelace',
      tags: ['a', 'b'],
    });
    expect(updated).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Analytical',
      tags: ['a', 'b'],
      version: 2,
    });

    const rows = await withTenant(services().db, org.id, (tx) => tx.select().from(auditLogs));
    const audit = rows.find((row) => row.action === 'customer.updated')!;
    expect(audit.changes).toEqual({
      before: { lastName: 'Byron', tags: ['a'] },
      after: { lastName: 'Lovelace', tags: ['a', 'b'] },
    });
  });

  it('refuses a stale expected version and changes nothing', async () => {
    const { api } = await newOrg();
    const customer = await api.customers.create({ firstName: 'Ada' });
    await api.customers.update({ id: customer.id, expectedVersion: 1, company: 'First' });
    expect(
      await codeOf(
        api.customers.update({ id: customer.id, expectedVersion: 1, company: 'Second' }),
      ),
    ).toBe('CONFLICT');
    expect(await api.customers.get({ id: customer.id })).toMatchObject({
      company: 'First',
      version: 2,
    });
  });

  it('keeps e-mail addresses unique when changed, ignoring case', async () => {
    const { api } = await newOrg();
    await api.customers.create({ firstName: 'A', email: 'taken@example.com' });
    const other = await api.customers.create({ firstName: 'B', email: 'free@example.com' });
    expect(await codeOf(api.customers.update({ id: other.id, email: 'TAKEN@example.com' }))).toBe(
      'CONFLICT',
    );
  });

  it("is a 404 for another organization's customer", async () => {
    const { api } = await newOrg();
    const theirs = await (await newOrg()).api.customers.create({ firstName: 'Theirs' });
    expect(await codeOf(api.customers.update({ id: theirs.id, company: 'Mine now' }))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('customers.delete and customers.restore', () => {
  it('hides a deleted customer from reads and lists, and brings it back on restore', async () => {
    const { api } = await newOrg();
    const customer = await api.customers.create({ firstName: 'Gone', email: 'gone@example.com' });
    await api.customers.delete({ id: customer.id });
    expect(await codeOf(api.customers.get({ id: customer.id }))).toBe('NOT_FOUND');
    expect((await api.customers.list({})).items).toEqual([]);
    expect(await api.customers.count({})).toEqual({ count: 0, capped: false });

    // While deleted, its address is free again…
    const replacement = await api.customers.create({ firstName: 'New', email: 'gone@example.com' });
    // …so restoring it would make two live customers with one address.
    expect(await codeOf(api.customers.restore({ id: customer.id }))).toBe('CONFLICT');
    await api.customers.delete({ id: replacement.id });
    expect(await api.customers.restore({ id: customer.id })).toMatchObject({
      id: customer.id,
      version: 3,
    });
    expect((await api.customers.list({})).items.map((c) => c.id)).toEqual([customer.id]);
  });

  it('is for managers and above', async () => {
    const { org, api } = await newOrg();
    const customer = await api.customers.create({ firstName: 'Kept' });
    const asMember = await newMemberCaller(services(), org, 'member');
    expect(await codeOf(asMember.customers.delete({ id: customer.id }))).toBe('FORBIDDEN');
  });
});

describe('customers.list', () => {
  it('filters by creation and change time ranges', async () => {
    const { api } = await newOrg();
    const early = await api.customers.create({ firstName: 'Early' });
    const between = new Date(Date.now() + 5);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await api.customers.create({ firstName: 'Late' });
    const names = async (input: Parameters<typeof api.customers.list>[0]) =>
      (await api.customers.list(input)).items.map((c) => c.firstName);
    expect(await names({ createdTo: between })).toEqual(['Early']);
    expect(await names({ createdFrom: between })).toEqual(['Late']);
    await api.customers.update({ id: early.id, company: 'Touched' });
    expect(await names({ updatedSince: between, sort: 'name', order: 'asc' })).toEqual([
      'Early',
      'Late',
    ]);
  });
});

describe('customers.count', () => {
  it('counts up to 10,000 and then says so', async () => {
    const { org, api } = await newOrg();
    await withTenant(services().db, org.id, (tx) =>
      tx.insert(customers).values(
        Array.from({ length: 10_005 }, (_, i) => ({
          organizationId: org.id,
          firstName: `Bulk ${i}`,
          status: i % 2 ? ('active' as const) : ('lead' as const),
        })),
      ),
    );
    expect(await api.customers.count({})).toEqual({ count: 10_000, capped: true });
    expect(await api.customers.count({ status: ['active'] })).toEqual({
      count: 5002,
      capped: false,
    });
  });
});

describe('the audit row and its change', () => {
  it('go together: a rolled-back change leaves no audit row, and uses no place in the chain', async () => {
    const { org, api } = await newOrg();
    const failed = withTenant(services().db, org.id, async (tx) => {
      const customer = await insertCustomer(tx, {
        firstName: 'Phantom',
        lastName: '',
        status: 'lead',
        tags: [],
        metadata: {},
      });
      await insertAuditLog(tx, {
        organizationId: org.id,
        actorType: 'system',
        actorId: null,
        action: 'customer.created',
        entityType: 'customer',
        entityId: customer.id,
      });
      throw new Error('something later in the transaction failed');
    });
    await expect(failed).rejects.toThrow('something later');
    expect((await api.customers.list({ q: 'phantom' })).items).toEqual([]);
    const trail = await withTenant(services().db, org.id, (tx) => tx.select().from(auditLogs));
    expect(trail.map((row) => row.action)).toEqual(['organization.created']);
    await api.customers.create({ firstName: 'Real' });
    expect(await api.audit.verify()).toMatchObject({ ok: true, checked: 2 });
  });
});
