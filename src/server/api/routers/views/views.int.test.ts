import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withTenant } from '@/server/db/tenant';
import { auditLogs } from '@/server/db/schema';
import { MAX_OWN_VIEWS, MAX_PINNED_VIEWS } from '@/schemas/saved-views';
import { codeOf } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';
import { addTestMember, callerAs, organizationWithOwner, userPrincipal } from '@/test/factories';

const { services } = setupTestServices();

async function viewActions(organizationId: string) {
  const rows = await withTenant(services().db, organizationId, (tx) =>
    tx.select().from(auditLogs).orderBy(asc(auditLogs.sequence)),
  );
  return rows.filter((row) => row.entityType === 'saved_view').map((row) => row.action);
}

/** An organization with its owner and two members, each with a caller. */
async function team() {
  const { org, api: owner } = await organizationWithOwner(services());
  const ana = await addTestMember(services().db, org, 'member');
  const ben = await addTestMember(services().db, org, 'member');
  return {
    org,
    owner,
    asAna: callerAs(services(), userPrincipal(org, ana, 'member')),
    asBen: callerAs(services(), userPrincipal(org, ben, 'member')),
  };
}

describe('saved views', () => {
  it('keep a private view to its owner and show a shared one to the team', async () => {
    const { org, asAna, asBen } = await team();
    const mine = await asAna.views.create({
      list: 'customers',
      name: 'My leads',
      state: { status: ['lead'], tag: 'vip' },
    });
    const shared = await asAna.views.create({
      list: 'customers',
      name: 'Churned',
      shared: true,
      state: { status: ['churned'], sort: 'name', order: 'asc' },
    });

    const anaSees = await asAna.views.list({ list: 'customers' });
    expect(anaSees.views.map((view) => [view.name, view.editable])).toEqual([
      ['My leads', true],
      ['Churned', true],
    ]);
    const benSees = await asBen.views.list({ list: 'customers' });
    expect(benSees.views.map((view) => view.name)).toEqual(['Churned']);
    expect(benSees.views[0]).toMatchObject({
      state: { status: ['churned'], sort: 'name', order: 'asc' },
      editable: false,
    });
    // Another list's views are not these.
    expect((await asBen.views.list({ list: 'companies' })).views).toEqual([]);

    // Ben cannot reach Ana's private view at all, not even to pin it.
    expect(await codeOf(asBen.views.pin({ id: mine.id, pinned: true }))).toBe('NOT_FOUND');
    expect(await codeOf(asBen.views.delete({ id: mine.id }))).toBe('NOT_FOUND');

    // He may pin the shared one and open the list with it.
    await asBen.views.pin({ id: shared.id, pinned: true });
    // Pinning it again, or choosing the same default again, changes nothing and is not audited.
    await asBen.views.pin({ id: shared.id, pinned: true });
    await asBen.views.setDefault({ list: 'customers', id: shared.id });
    await asBen.views.setDefault({ list: 'customers', id: shared.id });
    expect(await asBen.views.list({ list: 'customers' })).toMatchObject({
      pinnedIds: [shared.id],
      defaultId: shared.id,
    });
    // Once Ana stops sharing it, Ben's pin and default of it are gone from his list.
    await asAna.views.update({ id: shared.id, shared: false });
    expect(await asBen.views.list({ list: 'customers' })).toEqual({
      views: [],
      pinnedIds: [],
      defaultId: null,
    });

    expect(await viewActions(org.id)).toEqual([
      'saved_view.created',
      'saved_view.created',
      'saved_view.pinned',
      'saved_view.default_set',
      'saved_view.updated',
    ]);
  });

  it('let a member change only their own views; an admin may change a shared one', async () => {
    const { org, owner, asAna, asBen } = await team();
    const shared = await asAna.views.create({
      list: 'deals',
      name: 'Big open deals',
      shared: true,
      state: { status: ['open'], minAmount: '10000', view: 'list' },
    });

    expect(await codeOf(asBen.views.update({ id: shared.id, name: 'Mine now' }))).toBe('FORBIDDEN');
    expect(await codeOf(asBen.views.update({ id: shared.id, shared: false }))).toBe('FORBIDDEN');
    expect(await codeOf(asBen.views.delete({ id: shared.id }))).toBe('FORBIDDEN');

    // The owner of the organization manages what is shared with it.
    const renamed = await owner.views.update({ id: shared.id, name: 'Deals over 10,000' });
    expect(renamed).toMatchObject({ name: 'Deals over 10,000', ownerUserId: expect.any(String) });
    // Renaming to the same name changes nothing and writes no audit row.
    await asAna.views.update({ id: shared.id, name: 'Deals over 10,000' });

    // Ana deletes it; Ben's pin of it goes with it.
    await asBen.views.pin({ id: shared.id, pinned: true });
    await asAna.views.delete({ id: shared.id });
    expect((await asBen.views.list({ list: 'deals' })).pinnedIds).toEqual([]);
    expect(await codeOf(asAna.views.delete({ id: shared.id }))).toBe('NOT_FOUND');

    expect(await viewActions(org.id)).toEqual([
      'saved_view.created',
      'saved_view.updated',
      'saved_view.pinned',
      'saved_view.deleted',
    ]);
  });

  it("treat another organization's view as not found", async () => {
    const { asAna } = await team();
    const shared = await asAna.views.create({
      list: 'tasks',
      name: 'Team, done',
      shared: true,
      state: { scope: 'team', view: 'done' },
    });
    const { api: stranger } = await organizationWithOwner(services());

    expect(await codeOf(stranger.views.update({ id: shared.id, name: 'Taken' }))).toBe('NOT_FOUND');
    expect(await codeOf(stranger.views.delete({ id: shared.id }))).toBe('NOT_FOUND');
    expect(await codeOf(stranger.views.pin({ id: shared.id, pinned: true }))).toBe('NOT_FOUND');
    expect(await codeOf(stranger.views.setDefault({ list: 'tasks', id: shared.id }))).toBe(
      'NOT_FOUND',
    );
    expect((await stranger.views.list({ list: 'tasks' })).views).toEqual([]);
  });

  it('refuse filters that do not fit the list, and change nothing', async () => {
    const { org, asAna } = await team();
    // A status customers do not have, a param the list does not know, a malformed owner.
    const odd: Record<string, string | string[]>[] = [
      { status: ['won'] },
      { colour: 'red' },
      { owner: 'someone' },
    ];
    for (const state of odd) {
      expect(await codeOf(asAna.views.create({ list: 'customers', name: 'Odd', state }))).toBe(
        'BAD_REQUEST',
      );
    }
    const view = await asAna.views.create({ list: 'companies', name: 'Mine', state: {} });
    expect(await codeOf(asAna.views.update({ id: view.id, state: { status: ['lead'] } }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(asAna.views.create({ list: 'companies', name: 'Mine', state: {} }))).toBe(
      'CONFLICT',
    );

    expect((await asAna.views.list({ list: 'customers' })).views).toEqual([]);
    expect((await asAna.views.list({ list: 'companies' })).views).toMatchObject([
      { name: 'Mine', state: {} },
    ]);
    expect(await viewActions(org.id)).toEqual(['saved_view.created']);
  });

  it('caps the views a member keeps of one list, and changes nothing past it', async () => {
    const { org, asAna } = await team();
    for (let i = 0; i < MAX_OWN_VIEWS; i++) {
      await asAna.views.create({ list: 'deals', name: `View ${i}`, state: {} });
    }
    const before = await viewActions(org.id);
    expect(
      await codeOf(asAna.views.create({ list: 'deals', name: 'One too many', state: {} })),
    ).toBe('BAD_REQUEST');
    expect(await viewActions(org.id)).toEqual(before);
    // Another list has its own allowance.
    await asAna.views.create({ list: 'tasks', name: 'Mine', state: {} });
  });

  it('caps the views pinned to one list, and changes nothing past it', async () => {
    const { org, asAna } = await team();
    const views = [];
    for (let i = 0; i <= MAX_PINNED_VIEWS; i++) {
      views.push(await asAna.views.create({ list: 'orders', name: `View ${i}`, state: {} }));
    }
    for (const view of views.slice(0, MAX_PINNED_VIEWS)) {
      await asAna.views.pin({ id: view.id, pinned: true });
    }
    const before = await viewActions(org.id);
    const last = views.at(-1)!;
    expect(await codeOf(asAna.views.pin({ id: last.id, pinned: true }))).toBe('BAD_REQUEST');
    expect(await viewActions(org.id)).toEqual(before);
    expect((await asAna.views.list({ list: 'orders' })).pinnedIds).toHaveLength(MAX_PINNED_VIEWS);
    // Unpinning one makes room.
    await asAna.views.pin({ id: views[0]!.id, pinned: false });
    await asAna.views.pin({ id: last.id, pinned: true });
    expect((await asAna.views.list({ list: 'orders' })).pinnedIds).toContain(last.id);
  });

  it("refuses another list's view as a list's default, and changes nothing", async () => {
    const { org, asAna } = await team();
    const companiesView = await asAna.views.create({ list: 'companies', name: 'Big', state: {} });
    const before = await viewActions(org.id);
    expect(await codeOf(asAna.views.setDefault({ list: 'customers', id: companiesView.id }))).toBe(
      'BAD_REQUEST',
    );
    expect(await viewActions(org.id)).toEqual(before);
    expect((await asAna.views.list({ list: 'customers' })).defaultId).toBeNull();
    // Its own list takes it, and clearing it is audited too.
    await asAna.views.setDefault({ list: 'companies', id: companiesView.id });
    expect((await asAna.views.list({ list: 'companies' })).defaultId).toBe(companiesView.id);
    await asAna.views.setDefault({ list: 'companies', id: null });
    expect((await asAna.views.list({ list: 'companies' })).defaultId).toBeNull();
    expect((await viewActions(org.id)).slice(-2)).toEqual([
      'saved_view.default_set',
      'saved_view.default_cleared',
    ]);
  });
});
