import { TRPCError } from '@trpc/server';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_TAGS } from '@/schemas/customers';
import { auditLogs } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import { createTestOrganization, newMemberCaller, organizationWithOwner } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

async function newOrg() {
  const { org, api } = await organizationWithOwner(services());
  const [ada, grace, alan] = await Promise.all(
    ['Ada', 'Grace', 'Alan'].map((firstName) => api.customers.create({ firstName })),
  );
  return { org, api, ada: ada!, grace: grace!, alan: alan! };
}

const auditActions = (orgId: string) =>
  withTenant(services().db, orgId, async (tx) =>
    (await tx.select().from(auditLogs)).map((row) => `${row.action} ${row.entityId}`),
  );

describe('customers.bulkUpdate', () => {
  it('tags many customers, leaving alone those already tagged, one audit row and event each', async () => {
    const { org, api, ada, grace, alan } = await newOrg();
    await api.customers.update({ id: grace.id, tags: ['vip'] });
    const before = await auditActions(org.id);

    const result = await api.customers.bulkUpdate({
      ids: [ada.id, grace.id, alan.id, ada.id],
      change: { type: 'addTag', tag: 'vip' },
    });

    expect(result.unchanged).toBe(1);
    expect(result.items.map((c) => [c.firstName, c.tags, c.version]).sort()).toEqual([
      ['Ada', ['vip'], 2],
      ['Alan', ['vip'], 2],
    ]);
    const added = (await auditActions(org.id)).filter((row) => !before.includes(row));
    expect(added.sort()).toEqual(
      [`customer.updated ${ada.id}`, `customer.updated ${alan.id}`].sort(),
    );
    const events = (await api.events.list({ type: ['customer.updated'] })).items;
    expect(events.map((event) => event.data.id).sort()).toEqual([grace.id, ada.id, alan.id].sort());
  });

  it('removes a tag and assigns or clears an owner', async () => {
    const { org, api, ada, grace } = await newOrg();
    await api.customers.update({ id: ada.id, tags: ['old', 'keep'] });
    await api.customers.bulkUpdate({
      ids: [ada.id, grace.id],
      change: { type: 'removeTag', tag: 'old' },
    });
    expect((await api.customers.get({ id: ada.id })).tags).toEqual(['keep']);

    const assigned = await api.customers.bulkUpdate({
      ids: [ada.id, grace.id],
      change: { type: 'assignOwner', ownerId: org.ownerId },
    });
    expect(assigned.items.map((c) => c.ownerId)).toEqual([org.ownerId, org.ownerId]);
    const cleared = await api.customers.bulkUpdate({
      ids: [ada.id],
      change: { type: 'assignOwner', ownerId: null },
    });
    expect(cleared.items[0]?.ownerId).toBeNull();
  });

  it('changes nothing when one customer is unknown, deleted or another organization’s', async () => {
    const { org, api, ada, grace } = await newOrg();
    const other = await newOrg();
    await api.customers.delete({ id: grace.id });
    const before = await auditActions(org.id);

    for (const stranger of [randomUUID(), grace.id, other.ada.id]) {
      const error = await errorOf(
        api.customers.bulkUpdate({ ids: [ada.id, stranger], change: { type: 'addTag', tag: 'x' } }),
      );
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('1 of the 2 customers were not found');
    }
    expect((await api.customers.get({ id: ada.id })).tags).toEqual([]);
    expect((await other.api.customers.get({ id: other.ada.id })).tags).toEqual([]);
    expect(await auditActions(org.id)).toEqual(before);
  });

  it('refuses the whole change when a customer would have too many tags, or the owner is no member', async () => {
    const { api, ada, grace } = await newOrg();
    const full = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    await api.customers.update({ id: grace.id, tags: full });
    const error = await errorOf(
      api.customers.bulkUpdate({ ids: [ada.id, grace.id], change: { type: 'addTag', tag: 'new' } }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect((await api.customers.get({ id: ada.id })).tags).toEqual([]);

    const stranger = await createTestOrganization(services().db);
    expect(
      (
        await errorOf(
          api.customers.bulkUpdate({
            ids: [ada.id],
            change: { type: 'assignOwner', ownerId: stranger.ownerId },
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    expect((await api.customers.get({ id: ada.id })).ownerId).toBeNull();
  });

  it('checks its input: at least one and at most 100 customers, a valid change', async () => {
    const { api, ada } = await newOrg();
    expect(
      (await errorOf(api.customers.bulkUpdate({ ids: [], change: { type: 'addTag', tag: 'x' } })))
        .code,
    ).toBe('BAD_REQUEST');
    const tooMany = Array.from({ length: 101 }, () => randomUUID());
    expect((await errorOf(api.customers.bulkDelete({ ids: tooMany }))).code).toBe('BAD_REQUEST');
    expect(
      (
        await errorOf(
          api.customers.bulkUpdate({
            ids: [ada.id],
            change: { type: 'setStatus', status: 'active' } as never,
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
  });
});

describe('customers.bulkDelete', () => {
  it('deletes many customers restorably, and only for roles that may delete', async () => {
    const { org, api, ada, grace, alan } = await newOrg();
    const asMember = await newMemberCaller(services(), org, 'member');
    expect((await errorOf(asMember.customers.bulkDelete({ ids: [ada.id] }))).code).toBe(
      'FORBIDDEN',
    );

    const result = await api.customers.bulkDelete({ ids: [ada.id, grace.id] });
    expect(result.items.map((c) => c.id).sort()).toEqual([ada.id, grace.id].sort());
    expect((await api.customers.list({})).items.map((c) => c.id)).toEqual([alan.id]);
    const deletedEvents = (await api.events.list({ type: ['customer.deleted'] })).items;
    expect(deletedEvents.map((event) => event.data.id).sort()).toEqual([ada.id, grace.id].sort());
    await api.customers.restore({ id: ada.id });
    expect((await api.customers.get({ id: ada.id })).firstName).toBe('Ada');
  });
});
