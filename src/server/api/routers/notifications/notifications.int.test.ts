import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { Principal } from '@/server/api/context';
import { createCaller } from '@/server/api/root';
import { createSession } from '@/server/auth/session';
import { withIdentity } from '@/server/db/tenant';
import {
  addTestMember,
  callerAs,
  salesOrganization,
  testContext,
  userPrincipal,
} from '@/test/factories';
import { setupTestServices } from '@/test/services';
import { mentionOf } from '@/schemas/mentions';

const { services } = setupTestServices();

/** A sales team: the owner, and members Ana, Ben and Cy, each with a caller. */
async function team() {
  const sales = await salesOrganization(services());
  const member = async () => {
    const user = await addTestMember(services().db, sales.org, 'member');
    return { user, api: callerAs(services(), userPrincipal(sales.org, user, 'member')) };
  };
  return { ...sales, ana: await member(), ben: await member(), cy: await member() };
}

const titles = async (api: ReturnType<typeof callerAs>) =>
  (await api.notifications.list({})).items.map((n) => n.title);

describe('notifications', () => {
  it('tell a member what others gave them, never the actor, and group bursts', async () => {
    const { ana, ben, cy } = await team();
    const task = await ana.api.tasks.create({ title: 'Call Ada', assigneeId: ben.user.id });
    await ana.api.tasks.create({ title: 'Note to self' });

    expect(await ben.api.notifications.unreadCount({})).toEqual({ unread: 1 });
    const [assigned] = (await ben.api.notifications.list({})).items;
    expect(assigned).toMatchObject({
      type: 'assigned',
      title: 'member user assigned you the task “Call Ada”',
      link: '/tasks',
      actorId: ana.user.id,
      entityType: 'task',
      entityId: task.id,
      readAt: null,
    });
    expect(await ana.api.notifications.unreadCount({})).toEqual({ unread: 0 });

    // Giving Cy a customer, then a deal, tells Cy twice; the same thing again is grouped.
    const customer = await ana.api.customers.create({ firstName: 'Ada', ownerId: cy.user.id });
    const deal = await ana.api.deals.create({ title: 'Pilot', currency: 'EUR' });
    await ana.api.deals.update({ id: deal.id, ownerId: cy.user.id });
    await ben.api.deals.update({ id: deal.id, ownerId: ana.user.id });
    await ben.api.deals.update({ id: deal.id, ownerId: cy.user.id });
    expect(await titles(cy.api)).toEqual([
      'member user and 1 other made you the owner of the deal “Pilot”',
      `member user made you the owner of Ada`,
    ]);
    const grouped = (await cy.api.notifications.list({})).items[0]!;
    expect(grouped).toMatchObject({
      othersCount: 1,
      actorId: ben.user.id,
      link: `/deals/${deal.id}`,
    });
    expect((await cy.api.notifications.list({})).items[1]!.link).toBe(`/customers/${customer.id}`);

    // Read: it stays in the list, out of the count; the next burst starts a new one.
    expect(await cy.api.notifications.markRead({ id: grouped.id })).toEqual({ marked: 1 });
    expect(await cy.api.notifications.unreadCount({})).toEqual({ unread: 1 });
    expect((await cy.api.notifications.list({ unread: true })).items).toHaveLength(1);
    expect(await cy.api.notifications.markAllRead({})).toEqual({ marked: 1 });
    expect(await cy.api.notifications.unreadCount({})).toEqual({ unread: 0 });
    expect((await cy.api.notifications.list({})).items).toHaveLength(2);
    await ben.api.deals.update({ id: deal.id, ownerId: ana.user.id });
    await ana.api.deals.update({ id: deal.id, ownerId: cy.user.id });
    expect(await cy.api.notifications.unreadCount({})).toEqual({ unread: 1 });
    expect((await cy.api.notifications.list({})).items).toHaveLength(3);
  });

  it("tell a deal's owner when someone else moves, wins or loses it", async () => {
    const { ana, ben, stage } = await team();
    const deal = await ana.api.deals.create({
      title: 'Pilot',
      currency: 'EUR',
      ownerId: ana.user.id,
    });
    await ana.api.deals.move({ id: deal.id, stageId: stage('Qualified').id });
    expect(await ana.api.notifications.unreadCount({})).toEqual({ unread: 0 });

    await ben.api.deals.move({ id: deal.id, stageId: stage('Proposal').id });
    expect(await titles(ana.api)).toEqual(['member user moved your deal “Pilot” to Proposal']);
    await ben.api.deals.move({ id: deal.id, stageId: stage('Won').id });
    expect((await ana.api.notifications.list({})).items.map((n) => n.type)).toEqual([
      'deal_won',
      'deal_stage_changed',
    ]);
  });

  it('tell members they were mentioned, once, and refuse mentions of non-members', async () => {
    const { api: owner, ana, ben, cy } = await team();
    const customer = await ana.api.customers.create({ firstName: 'Ada' });
    const note = await ana.api.interactions.create({
      customerId: customer.id,
      type: 'note',
      subject: 'Renewal',
      content: `${mentionOf(ben.user.id)} can you call her? ${mentionOf(ana.user.id)}`,
    });
    expect((await ben.api.notifications.list({})).items).toMatchObject([
      {
        type: 'mentioned',
        title: 'member user mentioned you in “Renewal”',
        link: `/customers/${customer.id}`,
        entityType: 'interaction',
        entityId: note.id,
      },
    ]);
    // Nobody is told of their own mention.
    expect(await ana.api.notifications.unreadCount({})).toEqual({ unread: 0 });

    // An edit tells only whom it adds.
    await ben.api.notifications.markAllRead({});
    await ana.api.interactions.update({
      id: note.id,
      content: `${mentionOf(ben.user.id)} and ${mentionOf(cy.user.id)}, can you call her?`,
    });
    expect(await ben.api.notifications.unreadCount({})).toEqual({ unread: 0 });
    expect(await titles(cy.api)).toEqual(['member user mentioned you in “Renewal”']);

    const stranger = '00000000-0000-4000-8000-000000000000';
    const refused = await ana.api.interactions
      .create({
        customerId: customer.id,
        type: 'note',
        subject: 'Hi',
        content: mentionOf(stranger),
      })
      .catch((error: TRPCError) => error);
    expect((refused as TRPCError).code).toBe('BAD_REQUEST');
    expect((await ana.api.interactions.list({ customerId: customer.id })).items).toHaveLength(1);

    const task = await ana.api.tasks.create({
      title: 'Prepare the renewal',
      notes: `With ${mentionOf(cy.user.id)}`,
    });
    expect((await cy.api.notifications.list({})).items[0]).toMatchObject({
      title: 'member user mentioned you in the task “Prepare the renewal”',
      entityId: task.id,
    });

    // Someone who leaves stays mentioned where they were: those notes can still be edited.
    await owner.members.remove({ userId: cy.user.id });
    const notes = `With ${mentionOf(cy.user.id)}, before Friday`;
    expect((await ana.api.tasks.update({ id: task.id, notes })).notes).toBe(notes);
    const content = `${mentionOf(cy.user.id)} called her back.`;
    expect((await ana.api.interactions.update({ id: note.id, content })).content).toBe(content);
  });

  it("keep each person's inbox their own: another member's is not found, a key has none", async () => {
    const { org, ana, ben } = await team();
    await ana.api.tasks.create({ title: 'For Ben', assigneeId: ben.user.id });
    const [note] = (await ben.api.notifications.list({})).items;
    const missing = await ana.api.notifications.markRead({ id: note!.id }).catch((e) => e);
    expect(missing).toBeInstanceOf(TRPCError);
    expect((missing as TRPCError).code).toBe('NOT_FOUND');
    expect(await ben.api.notifications.unreadCount({})).toEqual({ unread: 1 });

    const key: Principal = {
      kind: 'apiKey',
      apiKeyId: crypto.randomUUID(),
      name: 'key',
      organization: { id: org.id, name: org.name, slug: org.slug, role: 'admin' },
    };
    const refused = await callerAs(services(), key)
      .notifications.list({})
      .catch((e) => e);
    expect((refused as TRPCError).code).toBe('FORBIDDEN');
  });

  it("ring the recipient's bell on the live stream, and no one else's", async () => {
    const { org, ana, ben } = await team();
    const listen = async (userId: string) => {
      const { sessionId } = await withIdentity(services().db, (tx) =>
        createSession(tx, {
          userId,
          activeOrganizationId: org.id,
          ipAddress: null,
          userAgent: null,
        }),
      );
      const controller = new AbortController();
      const principal = { ...userPrincipal(org, { id: userId }, 'member'), sessionId } as Principal;
      const caller = createCaller(testContext(services(), principal), {
        signal: controller.signal,
      });
      const stream = (await caller.events.changes({})) as AsyncIterable<unknown>;
      const received: { entityType: string; entityId: string | null }[] = [];
      void (async () => {
        for await (const value of stream) {
          const change = (Array.isArray(value) ? value[1] : (value as { data: unknown }).data) as {
            entityType: string;
            entityId: string | null;
          };
          received.push(change);
        }
      })();
      return { received, stop: () => controller.abort() };
    };
    const anaStream = await listen(ana.user.id);
    const benStream = await listen(ben.user.id);
    const task = await ana.api.tasks.create({ title: 'For Ben', assigneeId: ben.user.id });
    const [note] = (await ben.api.notifications.list({})).items;
    await expect
      .poll(() => benStream.received.filter((c) => c.entityType === 'notification'))
      .toEqual([expect.objectContaining({ entityId: note!.id })]);
    // Ana heard the task's creation, after which any bell of hers would have rung.
    await expect.poll(() => anaStream.received.some((c) => c.entityId === task.id)).toBe(true);
    expect(anaStream.received.filter((c) => c.entityType === 'notification')).toEqual([]);
    anaStream.stop();
    benStream.stop();
  });
});
