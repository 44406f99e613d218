import { describe, expect, it } from 'vitest';
import { newMemberCaller, organizationWithOwner, salesOrganization } from '@/test/factories';
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

  it("lists a company's own changes with its entries, its people's orders and its tasks", async () => {
    const { api } = await organizationWithOwner(services());
    const person = await api.customers.create({ firstName: 'Ines', company: 'Acme Ltd' });
    const companyId = person.companyId!;
    await api.companies.update({ id: companyId, website: 'https://acme.example' });
    await api.interactions.createForCompany({ companyId, type: 'meeting', subject: 'Kick-off' });
    const order = await api.orders.create({
      customerId: person.id,
      currency: 'EUR',
      lines: [{ description: 'Audit', quantity: 1, unitPriceCents: 70_000 }],
    });
    const task = await api.tasks.create({
      title: 'Renew the contract',
      related: { type: 'company', id: companyId },
    });
    await api.tasks.delete({ id: task.id });
    const other = await api.customers.create({ firstName: 'Zed', company: 'Other Co' });
    await api.interactions.createForCompany({
      companyId: other.companyId!,
      type: 'note',
      subject: 'Theirs',
    });

    const trail = await api.audit.listForRecord({ recordType: 'company', recordId: companyId });

    expect(trail.items.map((entry) => [entry.action, entry.subjectTitle])).toEqual([
      ['task.deleted', 'Renew the contract'],
      ['task.created', 'Renew the contract'],
      ['order.created', `#${order.number}`],
      ['interaction.created', 'Kick-off'],
      ['company.updated', null],
      ['company.created', null],
    ]);
  });

  it("lists a deal's moves and changes with its entries and tasks", async () => {
    const { api, stage } = await salesOrganization(services());
    const deal = await api.deals.create({ title: 'Acme renewal', currency: 'USD' });
    await api.deals.move({ id: deal.id, stageId: stage('Qualified').id });
    await api.interactions.createForDeal({ dealId: deal.id, type: 'call', subject: 'Pricing' });
    await api.tasks.create({ title: 'Send terms', related: { type: 'deal', id: deal.id } });
    await api.deals.create({ title: 'Someone else', currency: 'USD' });

    const trail = await api.audit.listForRecord({ recordType: 'deal', recordId: deal.id });

    expect(trail.items.map((entry) => [entry.action, entry.subjectTitle])).toEqual([
      ['task.created', 'Send terms'],
      ['interaction.created', 'Pricing'],
      ['deal.stage_changed', null],
      ['deal.created', null],
    ]);
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
