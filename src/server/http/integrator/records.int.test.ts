import { describe, expect, it } from 'vitest';
import { readAll, setupIntegrators } from '@/test/integrator';
import type { Body } from '@/test/rest-client';

// An integrator keeping customers, their interactions and orders over REST.
const { integrator } = setupIntegrators();

describe('customers, interactions and orders', () => {
  it('creates, reads, updates, deletes and restores a customer', async () => {
    const { call } = await integrator();
    const created = await call('POST', '/customers', {
      body: {
        firstName: 'Katherine',
        lastName: 'Johnson',
        email: 'kj@nasa.example',
        tags: ['space'],
      },
    });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ version: 1, status: 'lead', tags: ['space'] });

    expect((await call('GET', `/customers/${id}`)).body.email).toBe('kj@nasa.example');
    const updated = await call('PATCH', `/customers/${id}`, {
      body: { status: 'active', expectedVersion: 1 },
    });
    expect(updated.body).toMatchObject({ status: 'active', version: 2 });
    const stale = await call('PATCH', `/customers/${id}`, {
      body: { company: 'NASA', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect((await call('GET', `/customers/${id}`)).body.company).toBeNull();

    expect((await call('DELETE', `/customers/${id}`)).status).toBe(200);
    expect((await call('GET', `/customers/${id}`)).status).toBe(404);
    const restored = await call('POST', `/customers/${id}/restore`, { body: {} });
    expect(restored.body).toMatchObject({ id, status: 'active' });
  });

  it('keeps a timeline of interactions', async () => {
    const { call } = await integrator();
    const customer = (await call('POST', '/customers', { body: { firstName: 'Mary' } })).body;
    const note = await call('POST', `/customers/${customer.id}/interactions`, {
      body: { type: 'note', subject: 'Met at the conference', content: 'Interested in a pilot.' },
    });
    expect(note.status).toBe(200);
    await call('POST', `/customers/${customer.id}/interactions`, {
      body: { type: 'call', subject: 'Follow-up call', occurredAt: '2026-01-05T10:00:00Z' },
    });
    const edited = await call('PATCH', `/interactions/${note.body.id}`, {
      body: { subject: 'Met at the 2026 conference' },
    });
    expect(edited.body.subject).toBe('Met at the 2026 conference');

    const timeline = await call('GET', `/customers/${customer.id}/interactions`);
    expect(timeline.body.items.map((i: Body) => i.subject)).toEqual([
      'Met at the 2026 conference',
      'Follow-up call',
    ]);
    expect((await call('DELETE', `/interactions/${note.body.id}`)).status).toBe(200);
    expect((await call('GET', `/customers/${customer.id}/interactions`)).body.items).toHaveLength(
      1,
    );
  });

  it('takes an order from draft to fulfilled and refuses an illegal transition', async () => {
    const { call } = await integrator();
    const customer = (await call('POST', '/customers', { body: { firstName: 'Hedy' } })).body;
    const order = await call('POST', `/customers/${customer.id}/orders`, {
      body: {
        currency: 'usd',
        lines: [
          { description: 'Licence', quantity: 3, unitPriceCents: 1999 },
          { description: 'Setup', quantity: 1, unitPriceCents: 5000 },
        ],
      },
    });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ status: 'draft', currency: 'USD', totalCents: 10997 });

    const lines = await call('PUT', `/orders/${order.body.id}/lines`, {
      body: { lines: [{ description: 'Licence', quantity: 4, unitPriceCents: 1999 }] },
    });
    expect(lines.body.totalCents).toBe(7996);
    const illegal = await call('POST', `/orders/${order.body.id}/status`, {
      body: { status: 'fulfilled' },
    });
    expect(illegal.status).toBe(409);
    for (const status of ['placed', 'paid', 'fulfilled']) {
      const moved = await call('POST', `/orders/${order.body.id}/status`, { body: { status } });
      expect(moved.body.status).toBe(status);
    }
    expect((await call('GET', `/orders/${order.body.id}`)).body.fulfilledAt).toBeTruthy();
    const theirs = await call('GET', `/customers/${customer.id}/orders?status=fulfilled`);
    expect(theirs.body.items.map((o: Body) => o.id)).toEqual([order.body.id]);
  });

  it('pages to the end without repeats, and filters by lists of values, tag and time', async () => {
    const { call } = await integrator();
    const statuses = ['lead', 'active', 'inactive', 'churned'];
    for (let i = 0; i < 11; i++) {
      await call('POST', '/customers', {
        body: {
          firstName: `Person ${i}`,
          status: statuses[i % 4],
          tags: i % 3 === 0 ? ['vip'] : [],
        },
      });
    }
    const { items, pages } = await readAll(call, '/customers?limit=3&sort=name&order=asc');
    expect(items).toHaveLength(11);
    expect(pages).toBe(4);
    expect(new Set(items.map((c) => c.id)).size).toBe(11);

    const someStatuses = await readAll(call, '/customers?status=lead&status=churned&limit=100');
    expect(someStatuses.items.map((c) => c.status).sort()).toEqual([
      ...Array(2).fill('churned'),
      ...Array(3).fill('lead'),
    ]);
    expect((await readAll(call, '/customers?tag=vip')).items).toHaveLength(4);
    const since = new Date(Date.now() + 60_000).toISOString();
    expect((await call('GET', `/customers?updatedSince=${since}`)).body.items).toEqual([]);
    expect((await call('GET', '/customers?limit=101')).status).toBe(400);
    expect((await call('GET', '/customers?status=unknown')).status).toBe(400);
  });

  it("sees another organization's records as missing (404), never forbidden", async () => {
    const mine = await integrator();
    const theirs = await integrator();
    const customer = (await theirs.call('POST', '/customers', { body: { firstName: 'Secret' } }))
      .body;
    const order = (
      await theirs.call('POST', `/customers/${customer.id}/orders`, {
        body: { currency: 'EUR', lines: [{ description: 'X', quantity: 1, unitPriceCents: 1 }] },
      })
    ).body;
    expect((await mine.call('GET', `/customers/${customer.id}`)).status).toBe(404);
    expect(
      (await mine.call('PATCH', `/customers/${customer.id}`, { body: { firstName: 'Mine' } }))
        .status,
    ).toBe(404);
    expect((await mine.call('GET', `/customers/${customer.id}/interactions`)).status).toBe(404);
    expect((await mine.call('GET', `/orders/${order.id}`)).status).toBe(404);
    expect(
      (await mine.call('POST', `/orders/${order.id}/status`, { body: { status: 'placed' } }))
        .status,
    ).toBe(404);
  });

  it('reads the members and the audit trail, filtered', async () => {
    const { org, call } = await integrator();
    const members = await call('GET', '/members');
    expect(members.body.items.map((m: Body) => m.userId)).toEqual([org.ownerId]);
    const customer = (await call('POST', '/customers', { body: { firstName: 'Audited' } })).body;
    await call('PATCH', `/customers/${customer.id}`, { body: { lastName: 'Person' } });
    const trail = await call('GET', `/audit-logs?entityType=customer&entityId=${customer.id}`);
    expect(trail.body.items.map((e: Body) => e.action)).toEqual([
      'customer.updated',
      'customer.created',
    ]);
    expect(trail.body.items[0]).toMatchObject({
      actorType: 'api_key',
      changes: { before: { lastName: '' }, after: { lastName: 'Person' } },
    });
    const verification = await call('GET', '/audit-logs/verification');
    expect(verification.body).toMatchObject({ ok: true });
  });
});
