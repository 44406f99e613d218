import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAll, setupIntegrators } from '@/test/integrator';
import type { Body } from '@/test/rest-client';

// An integrator catching up on changes from the change feed.
const { integrator } = setupIntegrators();

describe('the change feed', () => {
  it('lists changes oldest first with deletions as tombstones, and resumes after an event', async () => {
    const { call } = await integrator();
    const kept = (await call('POST', '/customers', { body: { firstName: 'Kept' } })).body;
    const gone = (await call('POST', '/customers', { body: { firstName: 'Gone' } })).body;
    const { items: before } = await readAll(call, '/events');
    const last = before.at(-1)!;

    // Naming a company for the first time creates it: an event of its own.
    const patched = await call('PATCH', `/customers/${kept.id}`, { body: { company: 'Acme' } });
    await call('DELETE', `/customers/${gone.id}`);
    const { items: missed } = await readAll(call, `/events?after=${last.id}&limit=1`);
    expect(missed.map((e) => [e.type, e.data.id])).toEqual([
      ['company.created', patched.body.companyId],
      ['customer.updated', kept.id],
      ['customer.deleted', gone.id],
    ]);
    expect(Object.keys(missed[2]!.data).sort()).toEqual(['deletedAt', 'id']);
    expect(
      (await call('GET', `/customers?updatedSince=${last.timestamp}`)).body.items.map(
        (c: Body) => c.id,
      ),
    ).toEqual([kept.id]);

    const onlyDeletes = await call('GET', '/events?type=customer.deleted&type=customer.erased');
    expect(onlyDeletes.body.items.map((e: Body) => e.data.id)).toEqual([gone.id]);
    expect((await call('GET', `/events?after=${randomUUID()}`)).status).toBe(404);
  });

  it('keeps no personal data of an erased customer, only tombstones', async () => {
    const { call } = await integrator();
    const customer = (
      await call('POST', '/customers', { body: { firstName: 'Erin', email: 'erin@example.com' } })
    ).body;
    await call('POST', `/customers/${customer.id}/interactions`, {
      body: { type: 'note', subject: 'Private matter' },
    });
    const erased = await call('POST', `/customers/${customer.id}/erase`, { body: {} });
    expect(erased.body).toMatchObject({ customerId: customer.id, eventsErased: 2 });

    const { items } = await readAll(call, '/events');
    expect(items.map((e) => e.type)).toEqual([
      'customer.created',
      'interaction.created',
      'customer.erased',
    ]);
    expect(JSON.stringify(items)).not.toMatch(/Erin|erin@example|Private matter/);
    expect(items[0]!.data).toEqual({ id: customer.id, erased: true });
  });
});
