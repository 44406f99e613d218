import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { addTestMember, callerAs, organizationWithOwner, userPrincipal } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

const MINUTE = 60_000;

/** The code a call is refused with. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

/** A fixed-offset zone where it is now past noon and before one, so the day has hours left. */
function zoneAtMidday(now: Date) {
  const offset = ((((12 - now.getUTCHours() + 12) % 24) + 24) % 24) - 12;
  // POSIX names invert the sign: Etc/GMT-3 is three hours ahead of UTC.
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

describe('tasks for people', () => {
  it("are the creator's by default; creator, assignee and managers may change them", async () => {
    const { org, api: owner } = await organizationWithOwner(services());
    const ana = await addTestMember(services().db, org, 'member');
    const ben = await addTestMember(services().db, org, 'member');
    const asAna = callerAs(services(), userPrincipal(org, ana, 'member'));
    const asBen = callerAs(services(), userPrincipal(org, ben, 'member'));
    const manager = await addTestMember(services().db, org, 'manager');
    const asManager = callerAs(services(), userPrincipal(org, manager, 'manager'));

    const own = await asAna.tasks.create({ title: 'Write the proposal' });
    expect(own).toMatchObject({ assigneeId: ana.id, createdById: ana.id, priority: 'normal' });
    const forBen = await asAna.tasks.create({ title: 'Review the proposal', assigneeId: ben.id });

    // Ben is assigned it, so he may complete it; Ana created it, so she may change it.
    const done = await asBen.tasks.complete({ id: forBen.id });
    expect(done.completedById).toBe(ben.id);
    expect((await asAna.tasks.update({ id: forBen.id, title: 'Review it' })).title).toBe(
      'Review it',
    );
    // Ana's own task is not Ben's to touch; a manager's it is.
    expect(await refusal(asBen.tasks.update({ id: own.id, title: 'Mine' }))).toBe('FORBIDDEN');
    expect(await refusal(asBen.tasks.delete({ id: own.id }))).toBe('FORBIDDEN');
    expect((await asManager.tasks.update({ id: own.id, priority: 'high' })).priority).toBe('high');
    expect((await owner.tasks.get({ id: own.id })).version).toBe(2);

    // An update that changes nothing writes nothing.
    const same = await asAna.tasks.update({ id: own.id, priority: 'high' });
    expect(same.version).toBe(2);
  });

  it('counts my open tasks by due window in my time zone', async () => {
    const { org, api } = await organizationWithOwner(services());
    const now = Date.now();
    await api.tasks.create({ title: 'Late', dueAt: new Date(now - 90 * MINUTE) });
    await api.tasks.create({ title: 'Later still', dueAt: new Date(now - MINUTE) });
    await api.tasks.create({ title: 'Soon', dueAt: new Date(now + 2 * MINUTE) });
    await api.tasks.create({ title: 'Next month', dueAt: new Date(now + 31 * 24 * 60 * MINUTE) });
    await api.tasks.create({ title: 'Some day' });
    const finished = await api.tasks.create({ title: 'Finished', dueAt: new Date(now - MINUTE) });
    await api.tasks.complete({ id: finished.id });
    // Someone else's task is not mine to count.
    const other = await addTestMember(services().db, org, 'member');
    await api.tasks.create({
      title: 'Theirs',
      assigneeId: other.id,
      dueAt: new Date(now - MINUTE),
    });

    const timeZone = zoneAtMidday(new Date(now));
    const counts = await api.tasks.counts({ timeZone });
    const titles = async (due: 'overdue' | 'today' | 'upcoming') =>
      (await api.tasks.list({ due, timeZone, assigneeId: org.ownerId })).items.map((t) => t.title);
    expect(await titles('overdue')).toEqual(['Late', 'Later still']);
    expect(await titles('today')).toEqual(['Soon']);
    expect(await titles('upcoming')).toEqual(['Next month', 'Some day']);
    expect(counts).toEqual({ overdue: 2, today: 1, upcoming: 2 });
  });
});
