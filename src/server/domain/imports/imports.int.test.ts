import { type TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupOwnerDatabase } from '@/test/database';
import { createTestOrganization, ownerCaller } from '@/test/factories';
import { setupTestServices, testLogger } from '@/test/services';
import { runImport, type ImportJob } from './run-import';

const { connection, services } = setupTestServices();
const ownerDb = setupOwnerDatabase(connection);

/** Runs the queued import jobs now, as the worker would. */
const runQueuedImports = () =>
  services().jobs.drain('import', (data) =>
    runImport({ db: services().db, jobs: services().jobs, logger: testLogger }, data as ImportJob),
  );

const CSV = [
  'E-mail,First name,Surname,Organisation,Status,Tags,City',
  'ada@example.com,Ada,Lovelace,Analytical Engines,active,vip;eu,London',
  'grace@example.com,Grace,Hopper,Navy,ACTIVE,,Arlington',
  'not-an-email,Broken,Row,,,,',
  ',,Nameless,,,,',
  'linus@example.com,Linus,Torvalds,,unknown-status,,',
  'ADA@example.com,Ada,Again,,,,',
].join('\n');

async function withOrganization() {
  const org = await createTestOrganization(services().db);
  return { org, api: ownerCaller(services(), org) };
}

/**
 * Imports one row, Ada Lovelace by her e-mail address, updating a customer with that address;
 * the import once it has run.
 */
async function importAdaLovelace(api: ReturnType<typeof ownerCaller>, filename: string) {
  const started = await api.imports.start({
    filename,
    csv: 'email,first name,last name\nada@example.com,Ada,Lovelace\n',
    mapping: { email: 'email', 'first name': 'firstName', 'last name': 'lastName' },
    duplicates: 'update',
  });
  await runQueuedImports();
  return api.imports.get({ id: started.id });
}

describe('CSV import', () => {
  it('links each row to the company it names, creating each new company once', async () => {
    const { api } = await withOrganization();
    const existing = await api.companies.create({ name: 'Analytical Engines' });
    const started = await api.imports.start({
      filename: 'companies.csv',
      csv: [
        'email,first name,company',
        'ada@example.com,Ada,analytical engines',
        'grace@example.com,Grace,US Navy',
        'hedy@example.com,Hedy,us navy ',
        'alan@example.com,Alan,',
      ].join('\n'),
      mapping: { email: 'email', 'first name': 'firstName', company: 'company' },
      duplicates: 'skip',
    });
    await runQueuedImports();
    expect(await api.imports.get({ id: started.id })).toMatchObject({ createdCount: 4 });
    const people = new Map(
      (await api.customers.list({ limit: 10 })).items.map((c) => [c.firstName, c]),
    );
    expect(people.get('Ada')).toMatchObject({
      companyId: existing.id,
      company: 'Analytical Engines',
    });
    const navy = people.get('Grace')!;
    expect(navy.company).toBe('US Navy');
    expect(people.get('Hedy')).toMatchObject({ companyId: navy.companyId, company: 'US Navy' });
    expect(people.get('Alan')).toMatchObject({ companyId: null, company: null });
    const companies = await api.companies.list({ sort: 'name', order: 'asc' });
    expect(companies.items.map((c) => c.name)).toEqual(['Analytical Engines', 'US Navy']);
  });

  it('previews the columns and suggests a mapping from their names', async () => {
    const { api } = await withOrganization();
    const preview = await api.imports.preview({ csv: CSV });
    expect(preview.rowCount).toBe(6);
    expect(preview.suggestedMapping).toEqual({
      'E-mail': 'email',
      'First name': 'firstName',
      Surname: 'lastName',
      Organisation: 'company',
      Status: 'status',
      Tags: 'tags',
      City: 'city',
    });
  });

  it('imports the valid rows in the background and reports the bad ones by line and field', async () => {
    const { api } = await withOrganization();
    const { suggestedMapping } = await api.imports.preview({ csv: CSV });
    const started = await api.imports.start({
      filename: 'people.csv',
      csv: CSV,
      mapping: suggestedMapping,
      duplicates: 'skip',
    });
    expect(started.status).toBe('queued');
    expect(await runQueuedImports()).toBe(1);

    const done = await api.imports.get({ id: started.id });
    expect(done).toMatchObject({
      status: 'completed',
      totalRows: 6,
      processedRows: 6,
      createdCount: 2,
      skippedCount: 1,
      errorCount: 3,
    });
    expect(done.errors).toEqual([
      { line: 4, field: 'email', message: 'E-mail is not an e-mail address' },
      { line: 5, field: 'firstName', message: 'First name is required' },
      {
        line: 6,
        field: 'status',
        message: 'Status must be one of lead, active, inactive, churned',
      },
    ]);
    const customers = (await api.customers.list({ sort: 'name', order: 'asc' })).items;
    expect(
      customers.map((c) => [c.firstName, c.lastName, c.company, c.status, c.tags, c.address?.city]),
    ).toEqual([
      ['Ada', 'Lovelace', 'Analytical Engines', 'active', ['vip', 'eu'], 'London'],
      ['Grace', 'Hopper', 'Navy', 'active', [], 'Arlington'],
    ]);
    expect((await api.audit.list({ action: 'customer.imported' })).items).toHaveLength(2);
    // Whoever started it is told it finished, with what it did.
    expect((await api.notifications.list({})).items).toMatchObject([
      {
        type: 'import_finished',
        title: 'Your import of people.csv finished',
        body: '2 created, 1 skipped, 3 with errors.',
        link: '/import',
        entityId: started.id,
      },
    ]);
  });

  it('updates existing customers instead, when asked, touching only the mapped columns', async () => {
    const { api } = await withOrganization();
    const existing = await api.customers.create({
      firstName: 'Ada',
      email: 'ada@example.com',
      status: 'churned',
      phone: '+1 555 0100',
    });
    expect(await importAdaLovelace(api, 'update.csv')).toMatchObject({
      status: 'completed',
      createdCount: 0,
      updatedCount: 1,
    });
    expect(await api.customers.get({ id: existing.id })).toMatchObject({
      lastName: 'Lovelace',
      status: 'churned',
      phone: '+1 555 0100',
      version: 2,
    });
  });

  it('skips a row that would change nothing: no new version, no audit row', async () => {
    const { api } = await withOrganization();
    const existing = await api.customers.create({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
    });
    expect(await importAdaLovelace(api, 'same.csv')).toMatchObject({
      status: 'completed',
      updatedCount: 0,
      skippedCount: 1,
    });
    expect(await api.customers.get({ id: existing.id })).toMatchObject({ version: 1 });
    expect((await api.audit.list({ action: 'customer.updated' })).items).toEqual([]);
  });

  it('imports nothing when applying the batch fails part-way', async () => {
    const { api } = await withOrganization();
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `person${i}@example.com,Person ${i},${i === 1100 ? 'Refused Ltd' : 'Fine Ltd'}`,
    );
    const csv = ['email,name,company', ...rows].join('\n');
    const started = await api.imports.start({
      filename: 'big.csv',
      csv,
      mapping: { email: 'email', name: 'firstName', company: 'company' },
    });
    // A fault in the database: row 1,100 (in the third batch of inserts) is refused.
    const constraint = sql.raw(`refuse_${started.id.slice(0, 8)}`);
    await ownerDb().execute(
      sql`alter table customers add constraint ${constraint} check (company is distinct from 'Refused Ltd') not valid`,
    );
    try {
      await runQueuedImports();
    } finally {
      await ownerDb().execute(sql`alter table customers drop constraint ${constraint}`);
    }
    const failed = await api.imports.get({ id: started.id });
    expect(failed).toMatchObject({ status: 'failed', createdCount: 0 });
    expect(failed.failure).toMatch(/nothing was imported/);
    expect(await api.customers.count({})).toEqual({ count: 0, capped: false });
    expect((await api.audit.list({ action: 'customer.imported' })).items).toEqual([]);
  });

  it('refuses a file that is not text', async () => {
    const { api } = await withOrganization();
    const error = await api.imports
      .preview({ csv: 'email\nx\u0000y\n' })
      .catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a mapping without a first name, or with columns the file does not have', async () => {
    const { api } = await withOrganization();
    const code = (promise: Promise<unknown>) => promise.catch((e: TRPCError) => e.code);
    expect(
      await code(
        api.imports.start({ filename: 'x.csv', csv: CSV, mapping: { 'E-mail': 'email' } }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await code(
        api.imports.start({ filename: 'x.csv', csv: CSV, mapping: { Nope: 'firstName' } }),
      ),
    ).toBe('BAD_REQUEST');
  });
});
