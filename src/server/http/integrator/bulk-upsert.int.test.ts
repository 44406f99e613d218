import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAll, setupIntegrators } from '@/test/integrator';
import type { Body } from '@/test/rest-client';

// Integrators keeping their own list of customers and companies in step, many at a time.
const { integrator } = setupIntegrators();

const issuePaths = (body: Body) => (body.issues as Body[]).map((issue) => issue.path.join('.'));

describe('bulk upsert', () => {
  it('creates, updates or leaves each customer by e-mail, auditing only what changed', async () => {
    const { call } = await integrator();
    const ada = (
      await call('POST', '/customers', { body: { firstName: 'Ada', email: 'ada@example.com' } })
    ).body;
    const grace = (
      await call('POST', '/customers', {
        body: { firstName: 'Grace', email: 'grace@example.com', tags: ['navy'] },
      })
    ).body;

    const res = await call('POST', '/customers/bulk-upsert', {
      body: {
        items: [
          { email: 'ADA@Example.com', lastName: 'Lovelace' },
          { email: 'alan@example.com', firstName: 'Alan', company: 'Bletchley' },
          { email: 'grace@example.com', firstName: 'Grace' },
        ],
      },
    });
    expect(res.status).toBe(200);
    const created = res.body.items[1].id as string;
    expect(res.body.items).toEqual([
      { index: 0, status: 'updated', id: ada.id },
      { index: 1, status: 'created', id: expect.any(String) },
      { index: 2, status: 'unchanged', id: grace.id },
    ]);

    // Only the fields sent change: Ada keeps her first name, Grace her tags.
    expect((await call('GET', `/customers/${ada.id}`)).body).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      version: 2,
    });
    expect((await call('GET', `/customers/${grace.id}`)).body).toMatchObject({
      tags: ['navy'],
      version: 1,
    });
    expect((await call('GET', `/customers/${created}`)).body).toMatchObject({
      firstName: 'Alan',
      company: 'Bletchley',
      status: 'lead',
    });

    const { items: audit } = await readAll(call, '/audit-logs?entityType=customer');
    const actionsOf = (id: string) =>
      audit.filter((row) => row.entityId === id).map((row) => row.action);
    expect(actionsOf(ada.id)).toEqual(['customer.updated', 'customer.created']);
    expect(actionsOf(created)).toEqual(['customer.created']);
    expect(actionsOf(grace.id)).toEqual(['customer.created']);
    const companies = await readAll(call, '/audit-logs?entityType=company');
    expect(companies.items.map((row) => row.action)).toEqual(['company.created']);
    const { items: events } = await readAll(call, '/events?type=customer.updated');
    expect(events.map((event) => event.data.id)).toEqual([ada.id]);
  });

  it('refuses invalid items, naming each item and field, and changes nothing', async () => {
    const { call } = await integrator();
    const invalid = await call('POST', '/customers/bulk-upsert', {
      body: {
        items: [
          { email: 'not an address', firstName: 'A' },
          { email: 'fine@example.com', firstName: 'Fine' },
          { email: 'b@example.com', firstName: 'B', status: 'royalty' },
        ],
      },
    });
    expect(invalid.status).toBe(400);
    expect(issuePaths(invalid.body)).toEqual(['items.0.email', 'items.2.status']);

    // A new customer needs what the form needs: found only once the addresses are looked up.
    const unnamed = await call('POST', '/customers/bulk-upsert', {
      body: {
        items: [
          { email: 'named@example.com', firstName: 'Named' },
          { email: 'unnamed@example.com', lastName: 'Nobody' },
        ],
      },
    });
    expect(unnamed.status).toBe(400);
    expect(issuePaths(unnamed.body)).toEqual(['items.1.firstName']);

    const duplicate = await call('POST', '/customers/bulk-upsert', {
      body: {
        items: [
          { email: 'twice@example.com', firstName: 'One' },
          { email: 'other@example.com', firstName: 'Other' },
          { email: 'TWICE@example.com', firstName: 'Two' },
        ],
      },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.issues).toEqual([
      { path: ['items', 2, 'email'], message: expect.stringContaining('item 0') },
    ]);

    // An owner who is not a member is found while writing: the earlier items roll back.
    const stranger = await call('POST', '/customers/bulk-upsert', {
      body: {
        items: [
          { email: 'first@example.com', firstName: 'First' },
          { email: 'owned@example.com', firstName: 'Owned', ownerId: randomUUID() },
        ],
      },
    });
    expect(stranger.status).toBe(400);
    expect(issuePaths(stranger.body)).toEqual(['items.1.ownerId']);

    expect((await call('GET', '/customers')).body.items).toEqual([]);
    expect((await call('GET', '/audit-logs?entityType=customer')).body.items).toEqual([]);
  });

  it('takes 1,000 customers in one call, beyond the default body limit, and no more', async () => {
    const { call } = await integrator();
    const items = Array.from({ length: 1000 }, (_, i) => ({
      email: `person-${i}@bulk.example.com`,
      firstName: `Person ${i}`,
      lastName: 'Of the thousand',
      tags: ['bulk', 'thousand'],
      metadata: { source: 'warehouse', row: i },
    }));
    expect(JSON.stringify({ items }).length).toBeGreaterThan(100_000);
    const res = await call('POST', '/customers/bulk-upsert', { body: { items } });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1000);
    expect(res.body.items.every((item: Body) => item.status === 'created')).toBe(true);
    expect(res.body.items.map((item: Body) => item.index)).toEqual(items.map((_, i) => i));

    const again = await call('POST', '/customers/bulk-upsert', { body: { items } });
    expect(again.body.items.every((item: Body) => item.status === 'unchanged')).toBe(true);

    const tooMany = await call('POST', '/customers/bulk-upsert', {
      body: { items: [...items, { email: 'one-more@example.com', firstName: 'One' }] },
    });
    expect(tooMany.status).toBe(400);
    expect(issuePaths(tooMany.body)).toEqual(['items']);

    // The stated bound, 5 MB: a larger body is refused before it is read.
    const note = 'x'.repeat(6000);
    const tooLarge = await call('POST', '/customers/bulk-upsert', {
      body: { items: items.map((item) => ({ ...item, metadata: { note } })) },
    });
    expect(tooLarge.status).toBe(413);
  });

  it('creates or updates companies by normalised domain', async () => {
    const { call, keyFor } = await integrator();
    const acme = (await call('POST', '/companies', { body: { name: 'Acme', domain: 'acme.com' } }))
      .body;
    const res = await call('POST', '/companies/bulk-upsert', {
      body: {
        items: [
          { domain: 'https://www.ACME.com/about', name: 'Acme Corporation' },
          { domain: 'globex.com', name: 'Globex', industry: 'Energy' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { index: 0, status: 'updated', id: acme.id },
      { index: 1, status: 'created', id: expect.any(String) },
    ]);
    expect((await call('GET', `/companies/${acme.id}`)).body).toMatchObject({
      name: 'Acme Corporation',
      domain: 'acme.com',
    });
    const unchanged = await call('POST', '/companies/bulk-upsert', {
      body: { items: [{ domain: 'globex.com', name: 'Globex' }] },
    });
    expect(unchanged.body.items).toEqual([
      { index: 0, status: 'unchanged', id: res.body.items[1].id },
    ]);

    const duplicate = await call('POST', '/companies/bulk-upsert', {
      body: {
        items: [
          { domain: 'initech.com', name: 'Initech' },
          { domain: 'www.Initech.com', name: 'Initech again' },
        ],
      },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.issues).toEqual([
      { path: ['items', 1, 'domain'], message: expect.stringContaining('item 0') },
    ]);
    const nameless = await call('POST', '/companies/bulk-upsert', {
      body: { items: [{ domain: 'hooli.com' }, { domain: 'not a domain', name: 'X' }] },
    });
    expect(nameless.status).toBe(400);
    expect(issuePaths(nameless.body)).toEqual(['items.1.domain']);

    const { items: audit } = await readAll(call, '/audit-logs?entityType=company');
    expect(audit.map((row) => row.action).sort()).toEqual([
      'company.created',
      'company.created',
      'company.updated',
    ]);
    const viewer = await keyFor('viewer');
    const refused = await viewer('POST', '/companies/bulk-upsert', {
      body: { items: [{ domain: 'viewer.com', name: 'Viewer' }] },
    });
    expect(refused.status).toBe(403);
  });
});
