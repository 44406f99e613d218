import { describe, expect, it } from 'vitest';
import { newMemberCaller, organizationWithOwner, salesOrganization } from '@/test/factories';
import { codeOf } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

async function customerWithHistory() {
  const { org, api } = await organizationWithOwner(services());
  const customer = await api.customers.create({ firstName: 'Rafael', lastName: 'Cohen' });
  await api.interactions.create({
    customerId: customer.id,
    type: 'call',
    subject: 'Discovery call',
    occurredAt: new Date(Date.now() - 60_000),
  });
  const order = await api.orders.create({
    customerId: customer.id,
    currency: 'USD',
    lines: [{ description: 'Licence', quantity: 2, unitPriceCents: 5_000 }],
  });
  await api.orders.setStatus({ id: order.id, status: 'placed' });
  await api.orders.setStatus({ id: order.id, status: 'paid' });
  await api.tasks.create({
    title: 'Send the contract',
    related: { type: 'customer', id: customer.id },
  });
  await api.customers.update({ id: customer.id, phone: '+44 20 7946 0000' });
  return { org, api, customer, order };
}

describe('timeline.list', () => {
  it("merges a customer's call, paid order, task and field change, newest first, with who made them", async () => {
    const { api, customer, order } = await customerWithHistory();

    const timeline = await api.timeline.list({ recordType: 'customer', recordId: customer.id });

    expect(timeline.items.map((entry) => entry.type)).toEqual(['change', 'task', 'order', 'call']);
    const [change, task, paid, call] = timeline.items;
    expect(call).toMatchObject({
      subject: { type: 'interaction', title: 'Discovery call' },
      actorName: 'Owner',
    });
    expect(paid).toMatchObject({
      subject: { type: 'order', id: order.id, title: `#${order.number}` },
      status: 'paid',
      amountCents: 10_000,
      currency: 'USD',
      actorName: 'Owner',
    });
    expect(task).toMatchObject({
      subject: { type: 'task', title: 'Send the contract' },
      status: 'open',
      actorName: 'Owner',
    });
    expect(change).toMatchObject({
      subject: { type: 'customer', id: customer.id, title: 'Rafael Cohen' },
      actorName: 'Owner',
    });
    expect(change!.changes).toContainEqual({
      field: 'phone',
      before: null,
      after: '+44 20 7946 0000',
    });
    for (const entry of timeline.items) expect(entry.at).toBeInstanceOf(Date);
  });

  it('shows only the types asked for', async () => {
    const { api, customer } = await customerWithHistory();

    const calls = await api.timeline.list({
      recordType: 'customer',
      recordId: customer.id,
      types: ['call'],
    });
    expect(calls.items.map((entry) => entry.type)).toEqual(['call']);

    const ordersAndTasks = await api.timeline.list({
      recordType: 'customer',
      recordId: customer.id,
      types: ['order', 'task'],
    });
    expect(ordersAndTasks.items.map((entry) => entry.type)).toEqual(['task', 'order']);

    const notes = await api.timeline.list({
      recordType: 'customer',
      recordId: customer.id,
      types: ['note'],
    });
    expect(notes.items).toEqual([]);
  });

  it("is a 404 for another organization's customer", async () => {
    const { api } = await organizationWithOwner(services());
    const other = await organizationWithOwner(services());
    const theirs = await other.api.customers.create({ firstName: 'Not', lastName: 'Yours' });

    expect(await codeOf(api.timeline.list({ recordType: 'customer', recordId: theirs.id }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(api.timeline.list({ recordType: 'deal', recordId: theirs.id }))).toBe(
      'NOT_FOUND',
    );
  });

  it('pages through entries that share a time without skipping or repeating any', async () => {
    const { api } = await organizationWithOwner(services());
    const customer = await api.customers.create({ firstName: 'Paula' });
    const sameMoment = new Date('2026-01-15T10:00:00.000Z');
    for (let i = 0; i < 7; i++) {
      await api.interactions.create({
        customerId: customer.id,
        type: 'note',
        subject: `Note ${i}`,
        occurredAt: i < 4 ? sameMoment : new Date(sameMoment.getTime() + i * 1000),
      });
    }
    const everything = await api.timeline.list({
      recordType: 'customer',
      recordId: customer.id,
      types: ['note'],
      limit: 100,
    });

    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.timeline.list({
        recordType: 'customer',
        recordId: customer.id,
        types: ['note'],
        limit: 3,
        cursor,
      });
      paged.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    expect(everything.items).toHaveLength(7);
    expect(paged).toEqual(everything.items.map((entry) => entry.id));
  });

  it("shows a company's orders and its people's calls, naming the customer", async () => {
    const { api } = await organizationWithOwner(services());
    const customer = await api.customers.create({
      firstName: 'Ines',
      lastName: 'Duarte',
      company: 'Acme Ltd',
    });
    await api.interactions.create({
      customerId: customer.id,
      type: 'call',
      subject: 'Intro',
      occurredAt: new Date(Date.now() - 60_000),
    });
    const order = await api.orders.create({
      customerId: customer.id,
      currency: 'EUR',
      lines: [{ description: 'Audit', quantity: 1, unitPriceCents: 70_000 }],
    });
    await api.interactions.createForCompany({
      companyId: customer.companyId!,
      type: 'note',
      subject: 'Not asked for',
    });

    const timeline = await api.timeline.list({
      recordType: 'company',
      recordId: customer.companyId!,
      types: ['call', 'order'],
    });

    expect(timeline.items.map((entry) => [entry.type, entry.subject.title])).toEqual([
      ['order', `#${order.number}`],
      ['call', 'Intro'],
    ]);
    for (const entry of timeline.items) {
      expect(entry.customer).toEqual({ id: customer.id, name: 'Ines Duarte' });
    }
  });

  it("shows a deal's calls, its moves between stages and its field changes", async () => {
    const { org, api, stage } = await salesOrganization(services());
    const deal = await api.deals.create({ title: 'Acme renewal', currency: 'USD' });
    await api.deals.move({ id: deal.id, stageId: stage('Qualified').id });
    await api.deals.update({ id: deal.id, amountCents: 250_000 });
    await api.interactions.createForDeal({ dealId: deal.id, type: 'call', subject: 'Pricing' });
    const viewer = await newMemberCaller(services(), org, 'viewer');

    const timeline = await viewer.timeline.list({ recordType: 'deal', recordId: deal.id });

    expect(timeline.items.map((entry) => [entry.type, entry.status, entry.detail])).toEqual([
      ['call', null, ''],
      ['change', null, ''],
      ['deal', 'moved', 'Qualified'],
      ['deal', 'created', 'Lead in'],
    ]);
    expect(timeline.items[1]!.changes).toContainEqual({
      field: 'amountCents',
      before: 0,
      after: 250_000,
    });
    expect(timeline.items[2]).toMatchObject({
      subject: { type: 'deal', id: deal.id, title: 'Acme renewal' },
      actorName: 'Owner',
    });
  });
});
