import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@/schemas/events';
import { createTestApiKey } from '@/test/api-keys';
import { setupApiServer } from '@/test/api-server';
import { signUpInBrowser } from '@/test/browser-client';
import { addTestMember, createTestOrganization } from '@/test/factories';
import { trpcClient } from '@/test/trpc-client';

const { connection, server } = setupApiServer();

interface Customer {
  id: string;
  version: number;
  updatedAt: string;
  [field: string]: unknown;
}

/**
 * A fresh organization, an admin key for both doors, and a webhook endpoint that takes every
 * event, so that what an update emits shows in three places: the audit trail, the change feed
 * and the endpoint's deliveries.
 */
async function tenant() {
  const org = await createTestOrganization(connection().db, 'No-op Org');
  const authorization = `Bearer ${(await createTestApiKey(connection().db, org.id, 'admin')).key}`;
  const rest = async (path: string, method = 'GET', body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(200);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const endpoint = await rest('/webhooks', 'POST', {
    url: 'https://hooks.example.com/clientele',
    eventTypes: [...EVENT_TYPES],
  });
  const endpointId = (endpoint.endpoint as { id: string }).id;
  const count = async (path: string) => ((await rest(path)).items as unknown[]).length;
  return {
    org,
    rest,
    trpc: trpcClient(server, { authorization }),
    /** How many audit rows, events and webhook deliveries there are. */
    trail: async () => ({
      audit: await count('/audit-logs?limit=100'),
      events: await count('/events?limit=100'),
      deliveries: await count(`/webhooks/${endpointId}/deliveries?limit=100`),
    }),
  };
}

describe('an update that changes nothing changes nothing and emits nothing', () => {
  it('a real change bumps the version and emits once, so the counts below can tell', async () => {
    const { rest, trail } = await tenant();
    const customer = (await rest('/customers', 'POST', { firstName: 'Ada' })) as Customer;
    const before = await trail();
    const changed = (await rest(`/customers/${customer.id}`, 'PATCH', {
      lastName: 'Lovelace',
    })) as Customer;
    expect(changed.version).toBe(customer.version + 1);
    expect(await trail()).toEqual({
      audit: before.audit + 1,
      events: before.events + 1,
      deliveries: before.deliveries + 1,
    });
  });

  it('customers: PATCH {} and PATCH with the same values, on both doors', async () => {
    const { rest, trpc, trail } = await tenant();
    const customer = (await rest('/customers', 'POST', {
      firstName: 'Ada',
      email: 'ada@example.test',
      tags: ['vip', 'north'],
      address: { city: 'London', country: 'GB' },
      metadata: { plan: 'gold', seats: 3, nested: { a: 1, b: [1, 2] } },
    })) as Customer;
    const before = await trail();

    const answers = [
      await rest(`/customers/${customer.id}`, 'PATCH', {}),
      await rest(`/customers/${customer.id}`, 'PATCH', {
        expectedVersion: customer.version,
        firstName: ' Ada ',
        lastName: '',
        email: 'ada@example.test',
        company: '',
        tags: ['vip', 'north', 'vip'],
        address: { country: 'gb', city: 'London' },
        metadata: { nested: { b: [1, 2], a: 1 }, seats: 3, plan: 'gold' },
        status: 'lead',
        ownerId: null,
      }),
      superjson.serialize(
        await trpc.customers.update.mutate({
          id: customer.id,
          firstName: 'Ada',
          tags: ['vip', 'north'],
        }),
      ).json as Record<string, unknown>,
    ];
    for (const answer of answers) expect(answer).toEqual(customer);
    expect(await trail()).toEqual(before);
  });

  it('interactions: PATCH {} and the same values', async () => {
    const { rest, trpc, trail } = await tenant();
    const customer = (await rest('/customers', 'POST', { firstName: 'Grace' })) as Customer;
    const interaction = await rest(`/customers/${customer.id}/interactions`, 'POST', {
      type: 'call',
      subject: 'Kick-off',
      content: 'Talked about COBOL.',
      occurredAt: '2026-01-02T03:04:05.000Z',
    });
    const before = await trail();
    expect(await rest(`/interactions/${String(interaction.id)}`, 'PATCH', {})).toEqual(interaction);
    expect(
      await rest(`/interactions/${String(interaction.id)}`, 'PATCH', {
        type: 'call',
        subject: 'Kick-off ',
        content: 'Talked about COBOL.',
        occurredAt: '2026-01-02T03:04:05Z',
      }),
    ).toEqual(interaction);
    await trpc.interactions.update.mutate({ id: String(interaction.id), subject: 'Kick-off' });
    expect(await trail()).toEqual(before);
  });

  it('orders: the same lines again', async () => {
    const { rest, trail } = await tenant();
    const customer = (await rest('/customers', 'POST', { firstName: 'Alan' })) as Customer;
    const lines = [
      { description: 'Bombe', quantity: 2, unitPriceCents: 150_000 },
      { description: 'Paper tape', quantity: 10, unitPriceCents: 99 },
    ];
    const order = await rest(`/customers/${customer.id}/orders`, 'POST', {
      currency: 'GBP',
      lines,
    });
    const before = await trail();
    expect(
      await rest(`/orders/${String(order.id)}/lines`, 'PUT', {
        expectedVersion: order.version,
        currency: 'gbp',
        lines: lines.map((line) => ({ ...line, description: ` ${line.description}` })),
      }),
    ).toEqual(order);
    expect(await trail()).toEqual(before);
  });

  it('webhook endpoints: PATCH {} and the same values', async () => {
    const { rest, trail } = await tenant();
    const created = await rest('/webhooks', 'POST', {
      url: 'https://hooks.example.com/other',
      description: 'Ops',
      eventTypes: ['customer.created', 'customer.updated'],
    });
    const endpoint = created.endpoint as { id: string };
    const before = await trail();
    expect(await rest(`/webhooks/${endpoint.id}`, 'PATCH', {})).toEqual(endpoint);
    expect(
      await rest(`/webhooks/${endpoint.id}`, 'PATCH', {
        url: 'https://hooks.example.com/other',
        description: 'Ops ',
        eventTypes: ['customer.created', 'customer.updated', 'customer.created'],
        enabled: true,
      }),
    ).toEqual(endpoint);
    expect(await trail()).toEqual(before);
  });

  it('a member given the role they have, and the organization given its own name', async () => {
    const { org, trpc, trail } = await tenant();
    const member = await addTestMember(connection().db, org, 'manager');
    const before = await trail();
    await trpc.members.changeRole.mutate({ userId: member.id, role: 'manager' });
    await trpc.organizations.rename.mutate({ name: org.name });
    expect(await trail()).toEqual(before);
  });

  it('a bulk change that finds every customer already as asked', async () => {
    const { rest, trail } = await tenant();
    const a = (await rest('/customers', 'POST', { firstName: 'A', tags: ['vip'] })) as Customer;
    const b = (await rest('/customers', 'POST', { firstName: 'B', tags: ['vip'] })) as Customer;
    const before = await trail();
    const result = await rest('/customers/bulk-update', 'POST', {
      ids: [a.id, b.id],
      change: { type: 'addTag', tag: 'vip' },
    });
    expect(result).toEqual({ items: [], unchanged: 2 });
    expect(await trail()).toEqual(before);
  });

  it('a profile saved with the name it has records no security event', async () => {
    const { browser } = await signUpInBrowser(server, { name: 'Hedy' });
    const before = await browser.account.securityActivity.query();
    await browser.account.updateProfile.mutate({ name: ' Hedy ' });
    expect(await browser.account.securityActivity.query()).toEqual(before);
  });
});
