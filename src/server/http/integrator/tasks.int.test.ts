import { describe, expect, it } from 'vitest';
import { setupIntegrators } from '@/test/integrator';
import type { Body } from '@/test/rest-client';
import { setupWebhookReceiver } from '@/test/webhook-receiver';

// An integrator keeping the team's to-do list, over REST.
const { integrator, deliverDue, verifiedEvents } = setupIntegrators();
const receiver = setupWebhookReceiver();

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

async function memberIds(call: Awaited<ReturnType<typeof integrator>>['call']) {
  const members = (await call('GET', '/members')).body.items as Body[];
  return members.map((member) => member.userId as string);
}

describe('tasks over REST', () => {
  it('creates, lists by due window, changes, completes and deletes tasks, each audited', async () => {
    const { call } = await integrator();
    const [ownerId] = await memberIds(call);
    const customer = (
      await call('POST', '/customers', { body: { email: 'ada@example.test', firstName: 'Ada' } })
    ).body;

    const overdue = await call('POST', '/tasks', {
      body: {
        title: 'Call Ada back',
        dueAt: inHours(-30),
        assigneeId: ownerId,
        priority: 'high',
        related: { type: 'customer', id: customer.id },
      },
    });
    expect(overdue.status).toBe(200);
    expect(overdue.body).toMatchObject({
      title: 'Call Ada back',
      notes: '',
      assigneeId: ownerId,
      priority: 'high',
      related: { type: 'customer', id: customer.id },
      completedAt: null,
      createdById: null,
      version: 1,
    });
    const later = (
      await call('POST', '/tasks', { body: { title: 'Quarterly review', dueAt: inHours(24 * 9) } })
    ).body;
    // An API key acts for no one: its tasks are unassigned unless it names someone.
    expect(later.assigneeId).toBeNull();
    const undated = (await call('POST', '/tasks', { body: { title: 'Tidy the tags' } })).body;

    const titles = async (query: string) =>
      ((await call('GET', `/tasks?${query}`)).body.items as Body[]).map((task) => task.title);
    expect(await titles('')).toEqual(['Call Ada back', 'Quarterly review', 'Tidy the tags']);
    expect(await titles('due=overdue')).toEqual(['Call Ada back']);
    expect(await titles('due=upcoming&timeZone=Pacific/Kiritimati')).toEqual([
      'Quarterly review',
      'Tidy the tags',
    ]);
    expect(await titles(`assigneeId=${ownerId}`)).toEqual(['Call Ada back']);
    expect(await titles(`relatedType=customer&relatedId=${customer.id}`)).toEqual([
      'Call Ada back',
    ]);
    expect(await titles(`relatedId=${customer.id}`)).toEqual(['Call Ada back']);

    const page1 = await call('GET', '/tasks?limit=2');
    const page2 = await call('GET', `/tasks?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((task: Body) => task.id)).toEqual([undated.id]);
    expect(page2.body.nextCursor).toBeNull();

    const changed = await call('PATCH', `/tasks/${later.id}`, {
      body: { notes: 'Bring the figures', expectedVersion: 1, related: null },
    });
    expect(changed.body).toMatchObject({ notes: 'Bring the figures', version: 2 });
    const stale = await call('PATCH', `/tasks/${later.id}`, {
      body: { title: 'Too late', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);

    const done = await call('POST', `/tasks/${overdue.body.id}/complete`, { body: {} });
    expect(done.status).toBe(200);
    expect(done.body.completedAt).not.toBeNull();
    expect(done.body.completedById).toBeNull();
    expect(await titles('due=overdue')).toEqual([]);
    expect(await titles('completed=true')).toEqual(['Call Ada back']);
    expect(await titles('completed=false')).toEqual(['Quarterly review', 'Tidy the tags']);
    const reopened = await call('POST', `/tasks/${overdue.body.id}/complete`, {
      body: { completed: false },
    });
    expect(reopened.body.completedAt).toBeNull();

    expect((await call('DELETE', `/tasks/${undated.id}`)).status).toBe(200);
    expect((await call('GET', `/tasks/${undated.id}`)).status).toBe(404);

    const trail = await call('GET', `/audit-logs?entityType=task&entityId=${overdue.body.id}`);
    expect(trail.body.items.map((row: Body) => row.action).sort()).toEqual([
      'task.completed',
      'task.created',
      'task.reopened',
    ]);
    const deletion = await call('GET', `/audit-logs?entityType=task&entityId=${undated.id}`);
    expect(deletion.body.items.map((row: Body) => row.action).sort()).toEqual([
      'task.created',
      'task.deleted',
    ]);
  });

  it('refuses bad input with the fields named, and writes nothing', async () => {
    const { call } = await integrator();
    const bad = await call('POST', '/tasks', {
      body: { title: ' ', priority: 'urgent', dueAt: 'soon', related: { type: 'lead', id: 'x' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((issue: Body) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['title', 'priority', 'dueAt', 'related.type', 'related.id']),
    );
    const stranger = await call('POST', '/tasks', {
      body: { title: 'x', assigneeId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.issues).toEqual([
      { path: ['assigneeId'], message: 'is not a member of this organization' },
    ]);
    const badZone = await call('GET', '/tasks?due=today&timeZone=Mars/Olympus');
    expect(badZone.status).toBe(400);
    expect((await call('GET', '/tasks')).body.items).toEqual([]);
  });

  it("never shows or touches another organization's tasks or records (404)", async () => {
    const ours = await integrator('admin', 'Ours');
    const theirs = await integrator('admin', 'Theirs');
    const theirDeal = (
      await theirs.call('POST', '/deals', { body: { title: 'Secret', currency: 'EUR' } })
    ).body;
    const theirTask = (await theirs.call('POST', '/tasks', { body: { title: 'Private' } })).body;

    const aboutTheirs = await ours.call('POST', '/tasks', {
      body: { title: 'x', related: { type: 'deal', id: theirDeal.id } },
    });
    expect(aboutTheirs.status).toBe(404);
    expect(aboutTheirs.body.issues).toEqual([
      { path: ['related', 'id'], message: 'is not a deal of this organization' },
    ]);
    for (const [method, path, body] of [
      ['GET', `/tasks/${theirTask.id}`, undefined],
      ['PATCH', `/tasks/${theirTask.id}`, { title: 'Mine now' }],
      ['POST', `/tasks/${theirTask.id}/complete`, {}],
      ['DELETE', `/tasks/${theirTask.id}`, undefined],
    ] as const) {
      expect((await ours.call(method, path, { body })).status, `${method} ${path}`).toBe(404);
    }
    expect((await ours.call('GET', '/tasks')).body.items).toEqual([]);
    expect((await theirs.call('GET', `/tasks/${theirTask.id}`)).body.title).toBe('Private');
  });

  it("lets a member key change only its own tasks, a manager key anyone's, a viewer none", async () => {
    const { call, keyFor } = await integrator();
    const others = (await call('POST', '/tasks', { body: { title: 'The admin key’s' } })).body;
    const member = await keyFor('member');
    const mine = (await member('POST', '/tasks', { body: { title: 'The member key’s' } })).body;
    expect((await member('PATCH', `/tasks/${mine.id}`, { body: { priority: 'low' } })).status).toBe(
      200,
    );
    const refused = await member('POST', `/tasks/${others.id}/complete`, { body: {} });
    expect(refused.status).toBe(403);
    expect((await member('DELETE', `/tasks/${others.id}`)).status).toBe(403);
    const manager = await keyFor('manager');
    expect((await manager('POST', `/tasks/${others.id}/complete`, { body: {} })).status).toBe(200);

    const viewer = await keyFor('viewer');
    expect((await viewer('GET', '/tasks')).body.items).toHaveLength(2);
    expect((await viewer('POST', '/tasks', { body: { title: 'x' } })).status).toBe(403);
    expect((await call('GET', `/tasks/${others.id}`)).body.completedAt).not.toBeNull();
  });

  it('delivers task events, signed, to an endpoint that asked for them', async () => {
    const { call } = await integrator();
    await deliverDue();
    receiver.reset();
    const endpoint = await call('POST', '/webhooks', {
      body: { url: receiver.url('/tasks'), eventTypes: ['task.created', 'task.completed'] },
    });
    const { secret } = endpoint.body as { secret: string };
    const task = (await call('POST', '/tasks', { body: { title: 'Ship it' } })).body;
    await call('PATCH', `/tasks/${task.id}`, { body: { title: 'Ship it today' } });
    await call('POST', `/tasks/${task.id}/complete`, { body: {} });
    expect(await deliverDue()).toBe(2);
    const events = verifiedEvents(receiver.received, secret);
    expect(events.map((event) => event.type)).toEqual(['task.completed', 'task.created']);
    expect(events[0]!.data).toMatchObject({ id: task.id, title: 'Ship it today' });
  });

  it('has no inbox for an API key: notifications belong to people', async () => {
    const { call } = await integrator();
    const inbox = await call('GET', '/me/notifications');
    expect(inbox.status).toBe(403);
    expect(inbox.body.message).toBe('Notifications belong to people: an API key acts for no one');
    expect((await call('POST', '/me/notifications/read-all', { body: {} })).status).toBe(403);
  });
});
