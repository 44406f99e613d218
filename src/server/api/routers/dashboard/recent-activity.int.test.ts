import { describe, expect, it } from 'vitest';
import { customers } from '@/server/db/schema';
import { withTenant } from '@/server/db/tenant';
import { organizationWithOwner, salesOrganization } from '@/test/factories';
import { setupTestServices } from '@/test/services';

const { services } = setupTestServices();

describe('dashboard.recentActivity', () => {
  it('names the customer, the order and the deal each change was about', async () => {
    const { api, pipeline } = await salesOrganization(services());
    const rafael = await api.customers.create({ firstName: 'Rafael', lastName: 'Cohen' });
    await api.customers.update({ id: rafael.id, phone: '+1 555 0100' });
    const order = await api.orders.create({
      customerId: rafael.id,
      currency: 'USD',
      lines: [{ description: 'Seat', quantity: 1, unitPriceCents: 1_000 }],
    });
    const deal = await api.deals.create({ title: 'Acme renewal', currency: 'USD' });
    const nextStage = pipeline.stages.find((stage) => stage.id !== deal.stageId)!;
    await api.deals.move({ id: deal.id, stageId: nextStage.id });

    const activity = await api.dashboard.recentActivity();

    expect(
      activity.slice(0, 5).map((entry) => [entry.action, entry.recordName, entry.actorName]),
    ).toEqual([
      ['deal.stage_changed', 'Acme renewal', 'Owner'],
      ['deal.created', 'Acme renewal', 'Owner'],
      ['order.created', `#${order.number}`, 'Owner'],
      ['customer.updated', 'Rafael Cohen', 'Owner'],
      ['customer.created', 'Rafael Cohen', 'Owner'],
    ]);
    expect(activity[2]!.customer).toEqual({ id: rafael.id, name: 'Rafael Cohen' });
  });

  it('does not name a customer that was deleted', async () => {
    const { api } = await organizationWithOwner(services());
    const gone = await api.customers.create({ firstName: 'Gone' });
    await api.customers.delete({ id: gone.id });

    const activity = await api.dashboard.recentActivity();

    expect(activity.map((entry) => [entry.action, entry.recordName])).toEqual([
      ['customer.deleted', null],
      ['customer.created', null],
    ]);
  });

  it('falls back to the newest records when the trail tells nothing', async () => {
    const { org, api } = await organizationWithOwner(services());
    await withTenant(services().db, org.id, (tx) =>
      tx
        .insert(customers)
        .values([{ organizationId: org.id, firstName: 'Quiet', lastName: 'Arrival' }]),
    );

    const activity = await api.dashboard.recentActivity();

    expect(activity).toEqual([
      expect.objectContaining({
        action: 'customer.created',
        entityType: 'customer',
        recordName: 'Quiet Arrival',
        actorName: null,
      }),
    ]);
  });
});
