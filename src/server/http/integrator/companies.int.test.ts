import { describe, expect, it } from 'vitest';
import { setupIntegrators } from '@/test/integrator';
import type { Body } from '@/test/rest-client';

// An integrator keeping companies and their people over REST; every response is checked
// against the published document, error bodies with their candidates included.
const { integrator } = setupIntegrators();

describe('companies over REST', () => {
  it('creates, finds, updates, deletes, restores and merges companies', async () => {
    const { call } = await integrator();
    const created = await call('POST', '/companies', {
      body: { name: 'Globex', domain: 'https://www.Globex.example/', size: '201-1000' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'Globex', domain: 'globex.example', version: 1 });
    const id = created.body.id as string;

    const badDomain = await call('POST', '/companies', { body: { name: 'X', domain: 'nope' } });
    expect(badDomain.status).toBe(400);
    expect(badDomain.body.issues.map((issue: Body) => issue.path)).toEqual([['domain']]);

    const sameDomain = await call('POST', '/companies', {
      body: { name: 'Other', domain: 'globex.example', allowDuplicate: true },
    });
    expect(sameDomain.status).toBe(409);
    expect(sameDomain.body.issues).toEqual([
      { path: ['domain'], message: 'A company with this domain already exists' },
    ]);

    const similar = await call('POST', '/companies', { body: { name: 'GLOBEX' } });
    expect(similar.status).toBe(409);
    expect(similar.body.candidates).toEqual([{ id, name: 'Globex', domain: 'globex.example' }]);

    const found = await call('GET', '/companies?q=globx');
    expect(found.body.items.map((c: Body) => c.id)).toEqual([id]);
    const byDomain = await call('GET', '/companies?domain=globex.example');
    expect(byDomain.body).toMatchObject({ items: [{ id }], nextCursor: null });

    const updated = await call('PATCH', `/companies/${id}`, {
      body: { industry: 'Conglomerate', expectedVersion: 1 },
    });
    expect(updated.body).toMatchObject({ industry: 'Conglomerate', version: 2 });
    const stale = await call('PATCH', `/companies/${id}`, {
      body: { industry: 'Other', expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);

    const duplicate = await call('POST', '/companies', {
      body: { name: 'Globex Corporation', allowDuplicate: true },
    });
    const person = await call('POST', '/customers', {
      body: { firstName: 'Hank', companyId: duplicate.body.id },
    });
    expect(person.body).toMatchObject({
      companyId: duplicate.body.id,
      company: 'Globex Corporation',
    });
    const merged = await call('POST', `/companies/${id}/merge`, {
      body: { sourceId: duplicate.body.id },
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ customersMoved: 1, company: { id } });
    const people = await call('GET', `/companies/${id}/customers`);
    expect(people.body.items).toMatchObject([{ id: person.body.id, company: 'Globex' }]);
    expect((await call('GET', `/companies/${duplicate.body.id}`)).status).toBe(404);

    expect((await call('DELETE', `/companies/${id}`)).status).toBe(200);
    expect((await call('GET', `/companies/${id}`)).status).toBe(404);
    const restored = await call('POST', `/companies/${id}/restore`);
    expect(restored.body).toMatchObject({ id, name: 'Globex' });
  });

  it('links customers by company name and warns of a very similar customer', async () => {
    const { call } = await integrator();
    const ada = await call('POST', '/customers', {
      body: { firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines' },
    });
    expect(ada.status).toBe(200);
    expect(ada.body.companyId).toEqual(expect.any(String));
    const company = await call('GET', `/companies/${ada.body.companyId}`);
    expect(company.body.name).toBe('Analytical Engines');

    const again = await call('POST', '/customers', {
      body: { firstName: 'Ada', lastName: 'Lovelace' },
    });
    expect(again.status).toBe(409);
    expect(again.body.candidates).toEqual([
      { id: ada.body.id, firstName: 'Ada', lastName: 'Lovelace', email: null },
    ]);
    const allowed = await call('POST', '/customers', {
      body: { firstName: 'Ada', lastName: 'Lovelace', allowDuplicate: true },
    });
    expect(allowed.status).toBe(200);
  });

  it('keeps notes about a company on its timeline, beside its people’s, through a merge', async () => {
    const { call } = await integrator();
    const company = await call('POST', '/companies', { body: { name: 'Initech' } });
    const copy = await call('POST', '/companies', {
      body: { name: 'Initech Corp', allowDuplicate: true },
    });
    const person = await call('POST', '/customers', {
      body: { firstName: 'Peter', companyId: company.body.id },
    });
    await call('POST', `/customers/${person.body.id}/interactions`, {
      body: { type: 'call', subject: 'TPS reports', occurredAt: '2026-11-01T10:00:00Z' },
    });
    const note = await call('POST', `/companies/${copy.body.id}/interactions`, {
      body: { type: 'note', subject: 'Budget review', occurredAt: '2026-11-02T10:00:00Z' },
    });
    expect(note.status).toBe(200);
    expect(note.body).toMatchObject({ customerId: null, companyId: copy.body.id });

    await call('POST', `/companies/${company.body.id}/merge`, { body: { sourceId: copy.body.id } });
    const timeline = await call('GET', `/companies/${company.body.id}/timeline`);
    expect(timeline.body.items.map((entry: Body) => [entry.subject, entry.customerName])).toEqual([
      ['Budget review', null],
      ['TPS reports', 'Peter'],
    ]);

    const missing = await call('POST', `/companies/${copy.body.id}/interactions`, {
      body: { type: 'note', subject: 'Too late' },
    });
    expect(missing.status).toBe(404);
  });

  it('answers 404 for another organization’s company', async () => {
    const mine = await integrator();
    const theirs = await integrator();
    const { body } = await theirs.call('POST', '/companies', { body: { name: 'Theirs' } });
    for (const [method, path, payload] of [
      ['GET', `/companies/${body.id}`],
      ['PATCH', `/companies/${body.id}`, { name: 'Mine now' }],
      ['DELETE', `/companies/${body.id}`],
      ['POST', `/companies/${body.id}/restore`, {}],
      ['GET', `/companies/${body.id}/customers`],
    ] as const) {
      expect((await mine.call(method, path, { body: payload })).status, `${method} ${path}`).toBe(
        404,
      );
    }
  });
});
