import { describe, expect, it } from 'vitest';
import { newMemberCaller, organizationWithOwner } from '@/test/factories';
import { codeOf } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

describe('audit.listForRecord', () => {
  it("lists a customer's own changes with those of their interactions, orders and tasks", async () => {
    const { api } = await organizationWithOwner(services());
    const customer = await api.customers.create({ firstName: 'Rafael', lastName: 'Cohen' });
    const someoneElse = await api.customers.create({ firstName: 'Other' });
    const call = await api.interactions.create({
      customerId: customer.id,
      type: 'call',
      subject: 'Discovery call',
    });
    const note = await api.interactions.create({
      customerId: customer.id,
      type: 'note',
      subject: 'Scratch note',
    });
    await api.interactions.delete({ id: note.id });
    await api.interactions.create({ customerId: someoneElse.id, type: 'call', subject: 'Theirs' });
    const order = await api.orders.create({
      customerId: customer.id,
      currency: 'EUR',
      lines: [{ description: 'Setup', quantity: 1, unitPriceCents: 9_900 }],
    });
    await api.orders.setStatus({ id: order.id, status: 'placed' });
    await api.orders.setStatus({ id: order.id, status: 'paid' });
    await api.tasks.create({ title: 'Call back', related: { type: 'customer', id: customer.id } });

    const trail = await api.audit.listForRecord({ recordType: 'customer', recordId: customer.id });

    expect(trail.items.map((entry) => [entry.action, entry.subjectTitle])).toEqual([
      ['task.created', 'Call back'],
      ['order.status_changed', `#${order.number}`],
      ['order.status_changed', `#${order.number}`],
      ['order.created', `#${order.number}`],
      ['interaction.deleted', 'Scratch note'],
      ['interaction.created', 'Scratch note'],
      ['interaction.created', 'Discovery call'],
      ['customer.created', null],
    ]);
    expect(trail.items.find((entry) => entry.entityId === call.id)?.actorName).toBe('Owner');
  });

  it('pages by the chain sequence', async () => {
    const { api } = await organizationWithOwner(services());
    const customer = await api.customers.create({ firstName: 'Paged' });
    for (let i = 0; i < 4; i++) {
      await api.interactions.create({ customerId: customer.id, type: 'note', subject: `N${i}` });
    }
    const first = await api.audit.listForRecord({
      recordType: 'customer',
      recordId: customer.id,
      limit: 3,
    });
    const second = await api.audit.listForRecord({
      recordType: 'customer',
      recordId: customer.id,
      limit: 3,
      cursor: first.nextCursor!,
    });
    expect([...first.items, ...second.items].map((entry) => entry.subjectTitle)).toEqual([
      'N3',
      'N2',
      'N1',
      'N0',
      null,
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("is a 404 for another organization's customer and needs audit:read", async () => {
    const { org, api } = await organizationWithOwner(services());
    const other = await organizationWithOwner(services());
    const theirs = await other.api.customers.create({ firstName: 'X' });
    expect(
      await codeOf(api.audit.listForRecord({ recordType: 'customer', recordId: theirs.id })),
    ).toBe('NOT_FOUND');

    const mine = await api.customers.create({ firstName: 'Mine' });
    const member = await newMemberCaller(services(), org, 'member');
    expect(
      await codeOf(member.audit.listForRecord({ recordType: 'customer', recordId: mine.id })),
    ).toBe('FORBIDDEN');
  });
});
