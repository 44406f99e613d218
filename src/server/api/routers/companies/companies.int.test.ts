import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { withTenant } from '@/server/db/tenant';
import { auditLogs, customerInteractions, events } from '@/server/db/schema';
import { codeOf, refusal } from '@/test/error-codes';
import { setupTestServices } from '@/test/services';
import { organizationWithOwner } from '@/test/factories';

const { services } = setupTestServices();
const db = () => services().db;

const newOrganization = () => organizationWithOwner(services());

const auditTrail = (organizationId: string) =>
  withTenant(db(), organizationId, (tx) => tx.select().from(auditLogs));

const eventTypes = async (organizationId: string) =>
  (await withTenant(db(), organizationId, (tx) => tx.select().from(events))).map((e) => e.type);

describe('companies.create', () => {
  it('creates a company with a normalised domain, audited and published', async () => {
    const { org, api } = await newOrganization();
    const company = await api.companies.create({
      name: ' Initech ',
      domain: 'https://WWW.Initech.example/about?x=1',
      size: '51-200',
      website: 'initech.example',
      tags: ['b2b', 'b2b'],
    });
    expect(company).toMatchObject({
      name: 'Initech',
      domain: 'initech.example',
      size: '51-200',
      website: 'https://initech.example',
      tags: ['b2b'],
      version: 1,
    });
    const rows = (await auditTrail(org.id)).filter((row) => row.action === 'company.created');
    expect(rows).toMatchObject([{ entityType: 'company', entityId: company.id }]);
    expect(await eventTypes(org.id)).toContain('company.created');
  });

  it.each(['not a domain', 'localhost', 'ftp://files.example', 'http://', 'exa mple.com'])(
    'refuses the domain %j with 400 naming the field',
    async (domain) => {
      const { api } = await newOrganization();
      const error = await api.companies.create({ name: 'Bad', domain }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect(JSON.stringify((error as TRPCError).cause)).toContain('domain');
    },
  );

  it('refuses a second live company with the same domain (409 on domain)', async () => {
    const { api } = await newOrganization();
    await api.companies.create({ name: 'Globex', domain: 'globex.example' });
    const error = await refusal(
      api.companies.create({ name: 'Other', domain: 'www.GLOBEX.example', allowDuplicate: true }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.details.issues?.[0]?.path).toEqual(['domain']);
  });

  it('warns of a very similar name with the candidates, unless allowDuplicate', async () => {
    const { api } = await newOrganization();
    const acme = await api.companies.create({ name: 'Acme Corporation', domain: 'acme.example' });
    for (const name of ['ACME corporation', 'Acme, Inc.', 'Acme Corporatio']) {
      const error = await refusal(api.companies.create({ name }));
      expect(error.code).toBe('CONFLICT');
      expect(error.details.candidates).toEqual([
        { id: acme.id, name: 'Acme Corporation', domain: 'acme.example' },
      ]);
    }
    await expect(api.companies.create({ name: 'Acme Rockets' })).resolves.toMatchObject({
      name: 'Acme Rockets',
    });
    await expect(
      api.companies.create({ name: 'Acme, Inc.', allowDuplicate: true }),
    ).resolves.toMatchObject({ name: 'Acme, Inc.' });
  });
});

describe('companies.list', () => {
  it('filters, sorts by name with cursors, and finds a misspelt name', async () => {
    const { api } = await newOrganization();
    const names = ['Umbrella', 'Hooli', 'Initech', 'Globex', 'Vandelay Industries'];
    for (const name of names) {
      await api.companies.create({
        name,
        tags: name === 'Hooli' ? ['tech'] : [],
        domain: `${name.split(' ')[0]!.toLowerCase()}.example`,
      });
    }
    const first = await api.companies.list({ sort: 'name', order: 'asc', limit: 2 });
    expect(first.items.map((c) => c.name)).toEqual(['Globex', 'Hooli']);
    const second = await api.companies.list({
      sort: 'name',
      order: 'asc',
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((c) => c.name)).toEqual(['Initech', 'Umbrella']);

    expect((await api.companies.list({ tag: 'tech' })).items.map((c) => c.name)).toEqual(['Hooli']);
    expect(
      (await api.companies.list({ domain: 'https://www.globex.example' })).items.map((c) => c.name),
    ).toEqual(['Globex']);
    expect((await api.companies.list({ q: 'vandeley' })).items.map((c) => c.name)).toEqual([
      'Vandelay Industries',
    ]);
    expect((await api.companies.list({ q: 'init' })).items.map((c) => c.name)).toEqual(['Initech']);
  });
});

describe('companies.update, delete and restore', () => {
  it('updates, refuses a stale version, and changes nothing when nothing differs', async () => {
    const { org, api } = await newOrganization();
    const company = await api.companies.create({ name: 'Hooli' });
    const updated = await api.companies.update({
      id: company.id,
      industry: 'Software',
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({ industry: 'Software', version: 2 });
    const stale = await refusal(
      api.companies.update({ id: company.id, industry: 'Media', expectedVersion: 1 }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details.issues?.[0]?.path).toEqual(['expectedVersion']);
    await expect(api.companies.update({ id: company.id, industry: 'Software' })).resolves.toEqual(
      updated,
    );
    const actions = (await auditTrail(org.id)).map((row) => row.action);
    expect(actions.filter((action) => action === 'company.updated')).toHaveLength(1);
  });

  it('deletes softly and restores', async () => {
    const { org, api } = await newOrganization();
    const company = await api.companies.create({ name: 'Pied Piper', domain: 'piedpiper.example' });
    await api.companies.delete({ id: company.id });
    expect(await codeOf(api.companies.get({ id: company.id }))).toBe('NOT_FOUND');
    expect((await api.companies.list({})).items).toEqual([]);
    // The domain is free while the company is deleted, so restoring it then conflicts.
    const other = await api.companies.create({ name: 'Other', domain: 'piedpiper.example' });
    expect(await codeOf(api.companies.restore({ id: company.id }))).toBe('CONFLICT');
    await api.companies.delete({ id: other.id });
    await expect(api.companies.restore({ id: company.id })).resolves.toMatchObject({
      id: company.id,
    });
    expect(await eventTypes(org.id)).toEqual(
      expect.arrayContaining(['company.deleted', 'company.restored']),
    );
  });

  it('bulk-tags and bulk-deletes, one audit row per company changed', async () => {
    const { org, api } = await newOrganization();
    const a = await api.companies.create({ name: 'Alpha', tags: ['x'] });
    const b = await api.companies.create({ name: 'Bravo' });
    const tagged = await api.companies.bulkUpdate({
      ids: [a.id, b.id],
      change: { type: 'addTag', tag: 'x' },
    });
    expect(tagged).toMatchObject({ unchanged: 1, items: [{ id: b.id, tags: ['x'] }] });
    const deleted = await api.companies.bulkDelete({ ids: [a.id, b.id] });
    expect(deleted.items).toHaveLength(2);
    const actions = (await auditTrail(org.id)).map((row) => row.action);
    expect(actions.filter((action) => action === 'company.updated')).toHaveLength(1);
    expect(actions.filter((action) => action === 'company.deleted')).toHaveLength(2);
  });
});

describe('companies.merge', () => {
  it('moves people and their interactions, deletes the source, audits each move', async () => {
    const { org, api } = await newOrganization();
    const target = await api.companies.create({ name: 'Acme Corp', tags: ['a'] });
    const source = await api.companies.create({
      name: 'ACME Corporation Ltd',
      domain: 'acme.example',
      tags: ['b'],
      allowDuplicate: true,
    });
    const wile = await api.customers.create({ firstName: 'Wile', companyId: source.id });
    const road = await api.customers.create({ firstName: 'Road', companyId: source.id });
    await api.interactions.create({ customerId: wile.id, type: 'note', subject: 'Anvils' });

    const merged = await api.companies.merge({ id: target.id, sourceId: source.id });
    expect(merged).toMatchObject({
      sourceId: source.id,
      customersMoved: 2,
      dealsMoved: 0,
      company: {
        id: target.id,
        domain: 'acme.example',
        tags: ['a', 'b'],
        metadata: { formerNames: ['ACME Corporation Ltd'] },
      },
    });
    expect(await codeOf(api.companies.get({ id: source.id }))).toBe('NOT_FOUND');
    expect(await api.customers.get({ id: wile.id })).toMatchObject({
      companyId: target.id,
      company: 'Acme Corp',
    });
    const people = await api.companies.customers({ id: target.id });
    expect(people.items.map((c) => c.id).sort()).toEqual([wile.id, road.id].sort());
    const timeline = await api.companies.timeline({ id: target.id });
    expect(timeline.items).toMatchObject([
      { customerId: wile.id, customerName: 'Wile', subject: 'Anvils' },
    ]);
    const notes = await withTenant(db(), org.id, (tx) => tx.select().from(customerInteractions));
    expect(notes.map((n) => n.customerId)).toEqual([wile.id]);

    const trail = await auditTrail(org.id);
    const mergeRows = trail.filter((row) => row.action === 'company.merged');
    expect(mergeRows).toMatchObject([{ entityType: 'company', entityId: target.id }]);
    const moved = trail.filter(
      (row) => row.action === 'customer.updated' && [wile.id, road.id].includes(row.entityId!),
    );
    expect(moved).toHaveLength(2);
    expect(await eventTypes(org.id)).toContain('company.merged');
  });

  it('refuses to merge a company into itself, or a missing source', async () => {
    const { api } = await newOrganization();
    const { api: otherApi } = await newOrganization();
    const company = await api.companies.create({ name: 'Solo' });
    const foreign = await otherApi.companies.create({ name: 'Foreign' });
    expect(await codeOf(api.companies.merge({ id: company.id, sourceId: company.id }))).toBe(
      'BAD_REQUEST',
    );
    const missing = await refusal(api.companies.merge({ id: company.id, sourceId: foreign.id }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.details.issues?.[0]?.path).toEqual(['sourceId']);
  });
});

describe('tenant isolation', () => {
  it('answers 404 for another organization’s company on every procedure', async () => {
    const { api } = await newOrganization();
    const { api: otherApi } = await newOrganization();
    const mine = await api.companies.create({ name: 'Mine' });
    const { id } = await otherApi.companies.create({ name: 'Theirs' });
    const calls: (() => Promise<unknown>)[] = [
      () => api.companies.get({ id }),
      () => api.companies.update({ id, name: 'Stolen' }),
      () => api.companies.delete({ id }),
      () => api.companies.restore({ id }),
      () => api.companies.merge({ id, sourceId: mine.id }),
      () => api.companies.merge({ id: mine.id, sourceId: id }),
      () => api.companies.customers({ id }),
      () => api.companies.timeline({ id }),
      () => api.companies.orders({ id }),
      () => api.companies.revenue({ id }),
      () => api.companies.bulkUpdate({ ids: [id], change: { type: 'addTag', tag: 'x' } }),
      () => api.companies.bulkDelete({ ids: [id] }),
    ];
    for (const call of calls) expect(await codeOf(call())).toBe('NOT_FOUND');
    await expect(otherApi.companies.get({ id })).resolves.toMatchObject({ name: 'Theirs' });
  });
});
